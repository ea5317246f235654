import { type RpcRequest, type RpcResponse, raceLobbyCreate } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls race_lobby_create: a friend race's lobby, the caller its host, and the code to share. */
export function callRaceLobbyCreate(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof raceLobbyCreate>,
): Promise<RpcResponse<typeof raceLobbyCreate>> {
  return net.rpc(raceLobbyCreate, input);
}
