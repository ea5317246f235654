import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const SESSION_CHECK = "session_check";

/** The forum's check_user_on_stream: how many sockets does the caller have open? */
export const sessionCheck = defineRpc({
  id: SESSION_CHECK,
  limits: SMALL_REQUEST,
  request: z.strictObject({}),
  response: z.strictObject({
    /** A socket other than the caller's own is open (an HTTP call has none of its own). */
    already_connected: z.boolean(),
    /** The caller's live sockets. */
    connected_sessions: z.int().check(z.nonnegative()),
  }),
});
