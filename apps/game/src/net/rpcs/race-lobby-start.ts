import { type RpcRequest, type RpcResponse, raceLobbyStart } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls race_lobby_start: the host starts the lobby's race (START goes to every seat). */
export function callRaceLobbyStart(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof raceLobbyStart>,
): Promise<RpcResponse<typeof raceLobbyStart>> {
  return net.rpc(raceLobbyStart, input);
}
