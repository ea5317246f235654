import { InputRuns, MAX_INPUT_RUN_CHARS, MAX_INPUT_RUNS } from "@gift-grab/simulation";
import * as z from "zod/mini";
import type { RequestLimits } from "../request-limits";
import { defineRpc } from "../rpc";

export const ROUND_SUBMIT = "round_submit";

/**
 * The longest honest round_submit: the longest round (60 s) with a new direction every tick,
 * each run `[1,-100,-100],`, 50,400 characters, plus 512 for the rest (ticket, score, field
 * names). The game's 30 s round takes half that at worst (25.3 KB); the test bot's 30 s
 * rounds measured 2.8–8.1 KB (median 5.5 KB, 50 rounds).
 * `{"inputs":[[1,0,0]]}` nests 3 deep.
 */
export const ROUND_SUBMIT_LIMITS: RequestLimits = {
  maxChars: MAX_INPUT_RUNS * MAX_INPUT_RUN_CHARS + 512,
  maxDepth: 3,
};

/**
 * Hands in a round: its ticket, the score the player saw and every tick's input. The server
 * replays the inputs on the ticket's seed, duration and orientation; the score, gifts and
 * power-ups it keeps are the replay's. The ticket must be the caller's, unused, its round
 * over (at least duration_ms minus a small tolerance since started_at) and not stale (a day).
 * `inputs` is `[[ticks, dx, dy], …]`: ticks an integer ≥ 1, dx and dy integers in -100..100,
 * the ticks adding up to round(duration_ms × 60 / 1000). One record write per ticket: the
 * identical payload again (same ticket, score, inputs) returns the first result; anything
 * else with a used ticket is `ticket_used`. A round that scores 0 counts in the player's stats
 * but is never written to the board (and is never a new best).
 *
 * One expensive verification per round: the first submit that passes the cheap checks
 * (ticket, timing, the inputs' length) claims the ticket and is replayed; a replay that
 * doesn't reproduce the claimed score spends the ticket. The identical payload again gets the
 * same `score_mismatch` (not replayed again); anything else is `ticket_used`.
 *
 * Refusals: `invalid_payload` (3: malformed, over ROUND_SUBMIT_LIMITS, naming the field;
 * inputs of the wrong length), `score_mismatch` (3: the replay scores differently; the
 * ticket is spent),
 * `ticket_unknown` (5: no such ticket for this player, including other players' tickets),
 * `ticket_used` (6), `ticket_busy` (10: the same ticket is being submitted right now; retry),
 * `round_not_over` (9), `ticket_expired` (9). Every refusal but `score_mismatch` comes
 * before the replay and leaves the ticket as it was.
 */
export const roundSubmit = defineRpc({
  id: ROUND_SUBMIT,
  limits: ROUND_SUBMIT_LIMITS,
  request: z.strictObject({
    ticket: z.string().check(z.minLength(1), z.maxLength(64)),
    /** The score the player saw: it must be the replay's. */
    score: z.int().check(z.nonnegative()),
    inputs: InputRuns,
  }),
  response: z.strictObject({
    accepted: z.boolean(),
    /** The replay's score. */
    score: z.int(),
    /** The player's best this week (after this submit). */
    best: z.int(),
    /** The player's rank on this week's board after this submit (1 = top; 0: not on it). */
    rank: z.int().check(z.nonnegative()),
    /** This score beat the player's previous best this week. */
    new_best: z.boolean(),
  }),
});
