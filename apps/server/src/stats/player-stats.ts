import { EMPTY_PLAYER_STATS, PLAYER_STATS_KEY, type PlayerStats } from "@gift-grab/contracts";
import { Owned } from "../runtime/owned-storage";
import { type OwnedWrite, ownedWrite, readOwned } from "../runtime/storage";

/**
 * The owner may read their stats (permissionRead 1); only the server writes them. Stats
 * that do not parse read as zeros and are overwritten, with the version read, by the next
 * accepted round: counting starts again rather than trusting a forged count.
 */
export function readPlayerStats(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
): { stats: PlayerStats; version: string } {
  const { value, version } = readOwned(nk, logger, Owned.playerStats, userId, PLAYER_STATS_KEY);
  return { stats: value ?? { ...EMPTY_PLAYER_STATS }, version };
}

export function withRound(
  stats: PlayerStats,
  round: { score: number; gifts: number; at: number },
): PlayerStats {
  return {
    games_played: stats.games_played + 1,
    best: Math.max(stats.best, round.score),
    total_gifts: stats.total_gifts + round.gifts,
    last_played_at: round.at,
  };
}

export function playerStatsWrite(userId: string, stats: PlayerStats, version: string): OwnedWrite {
  return ownedWrite(Owned.playerStats, userId, PLAYER_STATS_KEY, stats, version);
}
