import {
  EMPTY_PLAYER_STATS,
  PLAYER_STATS_COLLECTION,
  PLAYER_STATS_KEY,
  PlayerStats,
  playerStatsGet,
} from "@gift-grab/contracts";
import { handleRpc } from "../runtime/handle-rpc";

/** The owner may read their stats (permissionRead 1); only the server writes them. */
export function readPlayerStats(
  nk: nkruntime.Nakama,
  userId: string,
): { stats: PlayerStats; version: string } {
  const [obj] = nk.storageRead([
    { collection: PLAYER_STATS_COLLECTION, key: PLAYER_STATS_KEY, userId },
  ]);
  if (!obj) return { stats: { ...EMPTY_PLAYER_STATS }, version: "*" };
  const parsed = PlayerStats.safeParse(obj.value);
  return { stats: parsed.success ? parsed.data : { ...EMPTY_PLAYER_STATS }, version: obj.version };
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

export function playerStatsWrite(
  userId: string,
  stats: PlayerStats,
  version: string,
): nkruntime.StorageWriteRequest {
  return {
    collection: PLAYER_STATS_COLLECTION,
    key: PLAYER_STATS_KEY,
    userId,
    value: stats,
    version,
    permissionRead: 1,
    permissionWrite: 0,
  };
}

export const rpcPlayerStatsGet: nkruntime.RpcFunction = (ctx, logger, nk, payload) =>
  handleRpc(
    playerStatsGet,
    ctx,
    logger,
    payload,
    (_input, userId) => readPlayerStats(nk, userId).stats,
  );
