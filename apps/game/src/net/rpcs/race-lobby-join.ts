import { type RpcRequest, type RpcResponse, raceLobbyJoin } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls race_lobby_join: a seat in a friend's lobby by its code, and the match to join. */
export function callRaceLobbyJoin(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof raceLobbyJoin>,
): Promise<RpcResponse<typeof raceLobbyJoin>> {
  return net.rpc(raceLobbyJoin, input);
}
