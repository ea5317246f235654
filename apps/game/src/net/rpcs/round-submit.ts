import { type RpcRequest, type RpcResponse, roundSubmit } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls round_submit (the submit queue sends every round through it). */
export function callRoundSubmit(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof roundSubmit>,
): Promise<RpcResponse<typeof roundSubmit>> {
  return net.rpc(roundSubmit, input);
}
