import { type RpcRequest, type RpcResponse, sessionLogout } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls session_logout: signs out this login. */
export function callSessionLogout(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof sessionLogout>,
): Promise<RpcResponse<typeof sessionLogout>> {
  return net.rpc(sessionLogout, input);
}
