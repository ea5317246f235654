import { type RpcRequest, type RpcResponse, raceGet } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls race_get: a finished race with every seat's inputs, names and scores, for Watch. */
export function callRaceGet(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof raceGet>,
): Promise<RpcResponse<typeof raceGet>> {
  return net.rpc(raceGet, input);
}
