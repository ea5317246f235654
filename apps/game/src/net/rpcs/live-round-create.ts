import { liveRoundCreate, type RpcRequest, type RpcResponse } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls live_round_create: the match of a new live round (joined over the socket next). */
export function callLiveRoundCreate(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof liveRoundCreate>,
): Promise<RpcResponse<typeof liveRoundCreate>> {
  return net.rpc(liveRoundCreate, input);
}
