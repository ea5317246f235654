import { type RpcRequest, type RpcResponse, sessionLogoutAll } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls session_logout_all: signs out every login of the player. */
export function callSessionLogoutAll(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof sessionLogoutAll>,
): Promise<RpcResponse<typeof sessionLogoutAll>> {
  return net.rpc(sessionLogoutAll, input);
}
