import { InputRuns, Orientation } from "@gift-grab/simulation";
import * as z from "zod/mini";
import { roundSubmit } from "./rpcs/round-submit";

/**
 * What the module stores about rounds, parsed whenever it is read back (storage a client
 * could have reached is never trusted by shape).
 *
 * A round's ticket (server-only): open → claimed (one submit won the version race and is
 * writing the record) → done (the result is kept so an identical retry gets it back).
 */
export const TicketRecord = z.object({
  started_at: z.int(),
  duration_ms: z.int().check(z.positive()),
  seed: z.int().check(z.gte(0), z.lte(0xffffffff)),
  orientation: Orientation,
  /** After this, the ticket can no longer be submitted. */
  expires_at: z.int(),
  state: z.enum(["open", "claimed", "done"]),
  /** What was submitted (the server's submitFingerprint), once claimed. */
  fingerprint: z.optional(z.string()),
  /** When the current claim was made (epoch ms). */
  claimed_at: z.optional(z.int()),
  result: z.optional(roundSubmit.response),
});
export type TicketRecord = z.infer<typeof TicketRecord>;

/**
 * The replay of a player's weekly best (server-written, readable by anyone through
 * replay_get): the round's params, its inputs and what the server's replay scored.
 */
export const ReplayRecord = z.object({
  seed: z.int().check(z.gte(0), z.lte(0xffffffff)),
  duration_ms: z.int().check(z.positive()),
  orientation: Orientation,
  inputs: InputRuns,
  score: z.int().check(z.nonnegative()),
  gifts: z.int().check(z.nonnegative()),
  power_ups_used: z.int().check(z.nonnegative()),
  /** When the round was submitted, epoch ms. */
  played_at: z.int(),
});
export type ReplayRecord = z.infer<typeof ReplayRecord>;
