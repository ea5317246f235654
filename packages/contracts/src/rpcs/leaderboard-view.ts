import * as z from "zod/mini";
import { defineRpc } from "../rpc";

export const LEADERBOARD_VIEW = "leaderboard_view";

export const LEADERBOARD_PAGE_SIZE = 10;
export const LAST_WEEK_TOP_SIZE = 3;

/** One row of the weekly board. Usernames are plain strings: draw them as text. */
export const LeaderboardEntry = z.strictObject({
  rank: z.int().check(z.positive()),
  /** The player's user id: what replay_get takes to watch this run. */
  owner_id: z.string(),
  username: z.string(),
  /** The name to show: the player's display name, or their username when they have none. */
  display_name: z.string(),
  score: z.int(),
  gifts: z.int().check(z.nonnegative()),
  power_ups_used: z.int().check(z.nonnegative()),
  /** This row is the caller's. */
  is_me: z.boolean(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

/**
 * The weekly boards a player can view: `solo`, the ranked rounds' best score
 * (WEEKLY_LEADERBOARD_ID), and `versus`, the races' points added up (VERSUS_LEADERBOARD_ID;
 * a row's score is its points, its gifts the races' gifts). Same reset.
 */
export const LeaderboardBoard = z.enum(["solo", "versus"]);
export type LeaderboardBoard = z.infer<typeof LeaderboardBoard>;

/**
 * Everything the Leaderboard screen shows in one call: a page of this week's board (`board`,
 * solo unless told; top 10 by default; `cursor` pages with next_cursor/prev_cursor; `around_me`
 * centres the page on the caller instead), the caller's own record, when the board resets and
 * last week's top 3.
 */
export const leaderboardView = defineRpc({
  id: LEADERBOARD_VIEW,
  /** A cursor of up to 1024 characters, a flag and a board's name: twice that is plenty. */
  limits: { maxChars: 2048, maxDepth: 1 },
  request: z.strictObject({
    board: z.optional(LeaderboardBoard),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
    around_me: z.optional(z.boolean()),
  }),
  response: z.strictObject({
    records: z.array(LeaderboardEntry),
    /** Pass as `cursor` for the next/previous page; null at either end (and around_me). */
    next_cursor: z.nullable(z.string()),
    prev_cursor: z.nullable(z.string()),
    /** The caller's record this week, null before their first accepted round. */
    me: z.nullable(LeaderboardEntry),
    /** When this week's board resets (Monday 00:00 UTC), epoch ms. */
    next_reset_at: z.int(),
    /** The server's clock when it answered, epoch ms: count down with next_reset_at − server_now. */
    server_now: z.int(),
    /** Last week's top 3, best first. */
    last_week_top: z.array(LeaderboardEntry),
  }),
});
