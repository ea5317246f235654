import * as z from "zod/mini";
import { defineRpc } from "../rpc";

export const ROUND_SUBMIT = "round_submit";

/** Power-ups that exist (flame, cookie), each usable once per round. */
export const MAX_POWER_UPS_PER_ROUND = 2;

/**
 * Hands in a round's result. The ticket must be the caller's, unused, its round over (at
 * least duration_ms minus a small tolerance since started_at) and not stale; the score an
 * integer from 0 to maxPlausibleScore(duration_ms). One record write per ticket: sending
 * the identical payload again (same ticket, score, gifts, power_ups_used) returns the first
 * result; anything else with a used ticket is `ticket_used`.
 *
 * Refusals: `invalid_payload` (3: negative, fractional, malformed), `score_implausible` (3),
 * `ticket_unknown` (5: no such ticket for this player, including other players' tickets),
 * `ticket_used` (6), `ticket_busy` (10: the same ticket is being submitted right now; retry),
 * `round_not_over` (9), `ticket_expired` (9). A refused submit leaves the ticket as it was.
 */
export const roundSubmit = defineRpc({
  id: ROUND_SUBMIT,
  request: z.strictObject({
    ticket: z.string().check(z.minLength(1), z.maxLength(64)),
    score: z.int().check(z.nonnegative()),
    /** Gifts grabbed (today equal to the score; kept apart so scoring can change). */
    gifts: z.int().check(z.nonnegative()),
    power_ups_used: z.int().check(z.nonnegative(), z.maximum(MAX_POWER_UPS_PER_ROUND)),
  }),
  response: z.strictObject({
    accepted: z.boolean(),
    /** The submitted score. */
    score: z.int(),
    /** The player's best this week (after this submit). */
    best: z.int(),
    /** The player's rank on this week's board after this submit (1 = top). */
    rank: z.int().check(z.nonnegative()),
    /** This score beat the player's previous best this week. */
    new_best: z.boolean(),
  }),
});
