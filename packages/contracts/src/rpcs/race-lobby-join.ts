import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const RACE_LOBBY_JOIN = "race_lobby_join";

/**
 * Reserves the caller a seat in a friend's race lobby by its code and answers the match to join
 * over the socket. Asking again (a reload, a rematch) answers the seat already held and the
 * lobby's current match. Refusals: `race_code_unknown` (5, HTTP 404: unknown or expired),
 * `race_full` (6, HTTP 409), `race_started` (10, HTTP 409: the race began without the caller).
 * Limited per address too (READS_PER_MINUTE), so codes can't be tried in bulk.
 */
export const raceLobbyJoin = defineRpc({
  id: RACE_LOBBY_JOIN,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** As typed or from the link: case and dashes don't matter. */
    code: z.string().check(z.minLength(1), z.maxLength(32)),
  }),
  response: z.strictObject({
    match_id: z.string(),
    /** The caller's seat (0 is the host's). */
    seat: z.int().check(z.gte(0), z.lte(3)),
    expires_at: z.int().check(z.positive()),
    duration_ms: z.int().check(z.positive()),
  }),
});
