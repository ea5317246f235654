import { type RpcRequest, type RpcResponse, raceLobbyRematch } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls race_lobby_rematch: a player's rematch after the END (REMATCH tells every seat still in). */
export function callRaceLobbyRematch(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof raceLobbyRematch>,
): Promise<RpcResponse<typeof raceLobbyRematch>> {
  return net.rpc(raceLobbyRematch, input);
}
