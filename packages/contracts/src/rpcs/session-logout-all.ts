import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const SESSION_LOGOUT_ALL = "session_logout_all";

/**
 * Sign out everywhere: every session and refresh token of the caller dies (also across a
 * Nakama restart) and every live socket is told (session_ended, reason
 * signed_out_everywhere) and closed, the caller's own included.
 */
export const sessionLogoutAll = defineRpc({
  id: SESSION_LOGOUT_ALL,
  limits: SMALL_REQUEST,
  request: z.strictObject({}),
  response: z.strictObject({
    /** Logins (sign-ins) revoked. */
    logins_revoked: z.int().check(z.nonnegative()),
    sockets_closed: z.int().check(z.nonnegative()),
  }),
});
