import { type RpcRequest, type RpcResponse, replayGet } from "@gift-grab/contracts";
import { RpcFailure } from "../rpc-client";
import type { GameNet } from "../types";

/** Calls replay_get; input and response are checked against the contract by GameNet.rpc. */
export function callReplayGet(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof replayGet>,
): Promise<RpcResponse<typeof replayGet>> {
  return net.rpc(replayGet, input);
}

/** replay_get, with "that player has no run on this week's board" as null, not a failure. */
export async function callReplayOnBoard(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof replayGet>,
): Promise<RpcResponse<typeof replayGet> | null> {
  try {
    return await net.rpc(replayGet, input);
  } catch (err) {
    if (err instanceof RpcFailure && err.reason === "replay_unknown") return null;
    throw err;
  }
}
