import {
  type LeaderboardEntry,
  LeaderboardRecordMetadata,
  WEEKLY_LEADERBOARD_ID,
  WEEKLY_RESET_CRON,
} from "@gift-grab/contracts";

/**
 * Creates the weekly board (InitModule). Creation is idempotent and never changes an
 * existing board's settings: changing them needs a new id or a delete first.
 */
export function createWeeklyBoard(nk: nkruntime.Nakama, logger: nkruntime.Logger) {
  nk.leaderboardCreate(
    WEEKLY_LEADERBOARD_ID,
    true, // authoritative: clients cannot write
    "descending" as nkruntime.SortOrder,
    "best" as nkruntime.Operator,
    WEEKLY_RESET_CRON,
    {},
    true, // enableRank: without it every rank reads 0
  );
  logger.info("leaderboard %s ready (reset %s)", WEEKLY_LEADERBOARD_ID, WEEKLY_RESET_CRON);
}

/** The caller's record on this week's board, or null. */
export function ownRecord(
  nk: nkruntime.Nakama,
  userId: string,
): nkruntime.LeaderboardRecord | null {
  const list = nk.leaderboardRecordsList(WEEKLY_LEADERBOARD_ID, [userId]);
  return list.ownerRecords?.[0] ?? null;
}

export function writeScore(
  nk: nkruntime.Nakama,
  userId: string,
  username: string,
  score: number,
  metadata: LeaderboardRecordMetadata,
): nkruntime.LeaderboardRecord {
  return nk.leaderboardRecordWrite(WEEKLY_LEADERBOARD_ID, userId, username, score, 0, metadata);
}

/** Display names by user id, for a page of records: one users lookup, not one per row. */
export function displayNames(
  nk: nkruntime.Nakama,
  records: (nkruntime.LeaderboardRecord | null | undefined)[],
): Map<string, string> {
  const ids = [...new Set(records.flatMap((r) => (r ? [r.ownerId] : [])))];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  for (const user of nk.usersGetId(ids)) {
    if (user.displayName) names.set(user.userId, user.displayName);
  }
  return names;
}

export function toEntry(
  record: nkruntime.LeaderboardRecord,
  userId: string,
  names: Map<string, string>,
  rank = record.rank,
): LeaderboardEntry {
  const meta = LeaderboardRecordMetadata.safeParse(record.metadata ?? {});
  const username = record.username ?? "";
  return {
    rank,
    owner_id: record.ownerId,
    username,
    display_name: names.get(record.ownerId) ?? username,
    score: record.score,
    gifts: meta.success ? meta.data.gifts : 0,
    power_ups_used: meta.success ? meta.data.power_ups_used : 0,
    is_me: record.ownerId === userId,
  };
}
