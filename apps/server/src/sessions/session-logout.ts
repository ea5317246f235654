import { SessionVar, sessionLogout } from "@gift-grab/contracts";
import { defineHandler } from "../runtime/handle-rpc";
import { sessionConfig, sessionPolicy } from "./config";
import { readLogin } from "./login-table";
import { nowSec, revokeLogin } from "./revoke";
import { closeSockets, liveSockets, tellSockets } from "./sockets";

/**
 * Sign out this login. With one login per user (kick_previous, deny_new) every socket of
 * the user is this login's, so all are told and closed, and Nakama's cache drops all the
 * user's tokens (which also stops the logged-out token opening a new socket: Nakama 3.40
 * checks a per-token logout at socket upgrade by the raw token, issue #2506). With `allow`
 * only the calling socket (if the call came over one) can be attributed to this login.
 */
export const sessionLogoutHandler = defineHandler(sessionLogout, {
  run(_input, { userId, ctx, logger, nk }) {
    const now = nowSec();
    const single = sessionPolicy(ctx.env) !== "allow";
    const sockets = single ? liveSockets(nk, userId) : ctx.sessionId ? [ctx.sessionId] : [];
    // Told first, closed last (once the notice has left: sockets.ts).
    if (single && sockets.length > 0)
      tellSockets(nk, userId, { reason: "signed_out", at: now }, sockets);
    const lid = ctx.vars?.[SessionVar.loginId];
    const login = lid ? readLogin(nk, logger, userId, lid) : undefined;
    if (login) revokeLogin(nk, sessionConfig(nk), login, "signed_out", now);
    if (single) nk.sessionLogout(userId, undefined, undefined);
    closeSockets(nk, logger, sockets, single ? userId : undefined);
    return { sockets_closed: sockets.length };
  },
});
