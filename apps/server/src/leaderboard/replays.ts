import { ReplayRecord } from "@gift-grab/contracts";

/**
 * The replay of each player's weekly best: one object per player (key `weekly_best`), owned
 * by the player, written only by the server (permissionWrite 0) and read by no client
 * directly (permissionRead 0): replay_get serves it for players on this week's board.
 * Parsed on read (ReplayRecord in contracts).
 */
export const REPLAYS_COLLECTION = "round_replays";
export const REPLAYS_KEY = "weekly_best";

export function replayWrite(userId: string, replay: ReplayRecord): nkruntime.StorageWriteRequest {
  return {
    collection: REPLAYS_COLLECTION,
    key: REPLAYS_KEY,
    userId,
    value: replay,
    permissionRead: 0,
    permissionWrite: 0,
  };
}

export function readReplay(nk: nkruntime.Nakama, userId: string): ReplayRecord | null {
  const [obj] = nk.storageRead([{ collection: REPLAYS_COLLECTION, key: REPLAYS_KEY, userId }]);
  if (!obj) return null;
  const parsed = ReplayRecord.safeParse(obj.value);
  return parsed.success ? parsed.data : null;
}
