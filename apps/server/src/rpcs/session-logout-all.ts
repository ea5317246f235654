import { sessionLogoutAll } from "@gift-grab/contracts";
import { handleRpc } from "../runtime/handle-rpc";
import { endOtherLogins } from "../sessions/revoke";

/**
 * Sign out everywhere: every login of the caller revoked (persisted, survives restarts),
 * Nakama's cache told to refuse all the user's tokens, every socket told and closed.
 */
export const rpcSessionLogoutAll: nkruntime.RpcFunction = (ctx, logger, nk, payload) =>
  handleRpc(sessionLogoutAll, ctx, logger, payload, (_input, userId) => {
    const ended = endOtherLogins(nk, logger, userId, undefined, "signed_out_everywhere");
    // Every token the user holds, also ones issued in this same second.
    nk.sessionLogout(userId, undefined, undefined);
    return { logins_revoked: ended.loginsRevoked, sockets_closed: ended.socketsClosed };
  });
