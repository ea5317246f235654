import { type RpcRequest, type RpcResponse, replayGet } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls replay_get; input and response are checked against the contract by GameNet.rpc. */
export function callReplayGet(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof replayGet>,
): Promise<RpcResponse<typeof replayGet>> {
  return net.rpc(replayGet, input);
}
