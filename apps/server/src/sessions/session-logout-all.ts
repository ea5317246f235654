import { sessionLogoutAll } from "@gift-grab/contracts";
import { defineHandler } from "../runtime/handle-rpc";
import { endAllLogins } from "./revoke";

/**
 * Sign out everywhere: every login of the caller revoked (persisted, survives restarts),
 * Nakama's cache told to refuse all the user's tokens, every socket told and closed.
 */
export const sessionLogoutAllHandler = defineHandler(sessionLogoutAll, {
  run(_input, { userId, logger, nk }) {
    const ended = endAllLogins(nk, logger, userId);
    // Every token the user holds, also ones issued in this same second.
    nk.sessionLogout(userId, undefined, undefined);
    return { logins_revoked: ended.loginsRevoked, sockets_closed: ended.socketsClosed };
  },
});
