import * as z from "zod/mini";
import { lazySchema } from "./lazy-schema";

/** The one leaderboard: weekly, authoritative (only the server writes), best score counts. */
export const WEEKLY_LEADERBOARD_ID = "weekly_leaderboard";

/**
 * The weekly versus board, beside the solo one with the same reset (WEEKLY_RESET_CRON):
 * authoritative, added up (`incr`). A race adds to each player's score a point for every other
 * player (not a bot) they finished ahead of, and their gifts to the subscore (the tie-break).
 */
export const VERSUS_LEADERBOARD_ID = "weekly_versus";

/** Nakama cron: every Monday at 00:00 UTC. `weeklyResetAfter` is the same schedule as arithmetic. */
export const WEEKLY_RESET_CRON = "0 0 * * 1";

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/**
 * The first Monday 00:00 UTC strictly after `nowMs` (as cron's "next" does: at exactly
 * Monday 00:00 the next reset is a week later). Epoch ms.
 */
export function weeklyResetAfter(nowMs: number): number {
  const midnight = Math.floor(nowMs / DAY_MS) * DAY_MS;
  // getUTCDay: 0 Sunday … 1 Monday … 6 Saturday. Days until the next Monday, 1..7.
  const weekday = new Date(midnight).getUTCDay();
  const days = (1 - weekday + 7) % 7 || 7;
  return midnight + days * DAY_MS;
}

/** The Monday 00:00 UTC that started the week `nowMs` is in (≤ nowMs). Epoch ms. */
export function weeklyResetBefore(nowMs: number): number {
  return weeklyResetAfter(nowMs) - WEEK_MS;
}

/**
 * A live round's figures for moderators (apps/server/src/rounds/live/plausibility.ts), with
 * its match and how it ended: in a board record's metadata, and in a held run.
 */
export const LiveRunFigures = lazySchema(() =>
  z.object({
    match_id: z.string(),
    reaction_median_ms: z.number(),
    reaction_min_ms: z.number(),
    reactions: z.int(),
    direction_changes_per_s: z.number(),
    input_messages_per_s: z.number(),
    filled_ticks: z.int(),
    dropped_messages: z.int(),
    /** Outside the human bounds: held for review instead of going on the board. */
    flagged: z.boolean(),
    /** "completed", or "abandoned" (the socket stayed away past the grace). */
    ended: z.string(),
  }),
);
export type LiveRunFigures = z.infer<typeof LiveRunFigures>;

/** What the server stores with each record (set by the server, never by the client). */
export const LeaderboardRecordMetadata = lazySchema(() =>
  z.object({
    gifts: z.int().check(z.nonnegative()),
    power_ups_used: z.int().check(z.nonnegative()),
    /** The client tag from the session's server-set vars ("unknown" without one). */
    client: z.string(),
    /** Absent on records written before rounds were live. */
    live: z.optional(LiveRunFigures),
    /** A held run a moderator approved (review_decide): when, epoch ms. */
    approved_at: z.optional(z.int()),
  }),
);
export type LeaderboardRecordMetadata = z.infer<typeof LeaderboardRecordMetadata>;
