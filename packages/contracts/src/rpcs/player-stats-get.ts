import * as z from "zod/mini";
import { lazySchema } from "../lazy-schema";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const PLAYER_STATS_GET = "player_stats_get";

/**
 * Where the stats live: storage object (collection, key) owned by the player, readable by
 * the owner (permissionRead 1), written by the server only (permissionWrite 0). Reading it
 * directly with nakama-js readStorageObjects gives a value of shape PlayerStats.
 */
export const PLAYER_STATS_COLLECTION = "player_stats";
export const PLAYER_STATS_KEY = "summary";

export const PlayerStats = lazySchema(() =>
  z.strictObject({
    games_played: z.int().check(z.nonnegative()),
    /** All-time best score (the board keeps only this week's). */
    best: z.int().check(z.nonnegative()),
    total_gifts: z.int().check(z.nonnegative()),
    /** When the last accepted round ended (its match wrote it), epoch ms; null before the first. */
    last_played_at: z.nullable(z.int()),
  }),
);
export type PlayerStats = z.infer<typeof PlayerStats>;

export const EMPTY_PLAYER_STATS: PlayerStats = {
  games_played: 0,
  best: 0,
  total_gifts: 0,
  last_played_at: null,
};

/** The caller's stats for the Account screen (zeros before the first round). */
export const playerStatsGet = defineRpc({
  id: PLAYER_STATS_GET,
  limits: SMALL_REQUEST,
  request: z.strictObject({}),
  response: PlayerStats,
});
