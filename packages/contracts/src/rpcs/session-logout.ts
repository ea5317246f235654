import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const SESSION_LOGOUT = "session_logout";

/**
 * Sign out this login: its session and refresh token die (also across a Nakama restart)
 * and its live sockets are told (session_ended, reason signed_out) and closed. Call it
 * instead of Nakama's SessionLogout, which the module cannot observe.
 */
export const sessionLogout = defineRpc({
  id: SESSION_LOGOUT,
  limits: SMALL_REQUEST,
  request: z.strictObject({}),
  response: z.strictObject({
    /** Sockets of this login the server closed. */
    sockets_closed: z.int().check(z.nonnegative()),
  }),
});
