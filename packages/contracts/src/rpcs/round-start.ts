import { Orientation } from "@gift-grab/simulation";
import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const ROUND_START = "round_start";

/**
 * Opens a round: the server keeps a ticket (owner, start time, and everything the round's
 * simulation depends on besides the inputs: seed, duration, field orientation) that
 * round_submit must present. A start retires the player's rounds still being played (one
 * round at a time: a quit round is abandoned by the next start). Every request field is
 * optional. Refusal: `rate_limited` (code 8, HTTP 429), its detail saying when to retry.
 */
export const roundStart = defineRpc({
  id: ROUND_START,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** The field as the player's screen shows it; default landscape. */
    orientation: z.optional(Orientation),
  }),
  response: z.strictObject({
    /** Opaque ticket id (a UUID) to send back with the inputs. */
    ticket: z.string(),
    /** How long this round lasts: play exactly this long (tests run short rounds). */
    duration_ms: z.int().check(z.positive()),
    /** Seed for the round's randomness (uint32). */
    seed: z.int().check(z.nonnegative()),
    orientation: Orientation,
    /** Server time the round started, epoch ms. */
    started_at: z.int().check(z.nonnegative()),
  }),
});
