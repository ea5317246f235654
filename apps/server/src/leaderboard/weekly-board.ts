import {
  type LeaderboardEntry,
  LeaderboardRecordMetadata,
  VERSUS_LEADERBOARD_ID,
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

/** The caller's record on this week's board (the solo one unless told), or null. */
export function ownRecord(
  nk: nkruntime.Nakama,
  userId: string,
  boardId = WEEKLY_LEADERBOARD_ID,
): nkruntime.LeaderboardRecord | null {
  const list = nk.leaderboardRecordsList(boardId, [userId]);
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

/** A player's names as their account has them now. */
export interface CurrentNames {
  username: string;
  /** Empty when they have none. */
  displayName: string;
}

/**
 * The current names of the players behind a page of records, by user id: one users lookup
 * for the page, not one per row. A record keeps the username it was written with (Nakama
 * stores it on the record), which a rename leaves behind until the player's next best, up to
 * a week: the board shows what the account says now. The lookup was already made for the
 * display names, so reading the usernames there too costs nothing more.
 */
export function currentNames(
  nk: nkruntime.Nakama,
  records: (nkruntime.LeaderboardRecord | null | undefined)[],
): Map<string, CurrentNames> {
  const ids = [...new Set(records.flatMap((r) => (r ? [r.ownerId] : [])))];
  const names = new Map<string, CurrentNames>();
  if (ids.length === 0) return names;
  for (const user of nk.usersGetId(ids)) {
    names.set(user.userId, { username: user.username ?? "", displayName: user.displayName ?? "" });
  }
  return names;
}

export function toEntry(
  record: nkruntime.LeaderboardRecord,
  userId: string,
  names: Map<string, CurrentNames>,
  rank = record.rank,
): LeaderboardEntry {
  const versus = record.leaderboardId === VERSUS_LEADERBOARD_ID;
  const meta = versus
    ? ({ success: false } as const)
    : LeaderboardRecordMetadata.safeParse(record.metadata ?? {});
  const current = names.get(record.ownerId);
  const username = current?.username || record.username || "";
  return {
    rank,
    owner_id: record.ownerId,
    username,
    display_name: current?.displayName || username,
    score: record.score,
    // A versus record has no metadata: its subscore is the races' gifts.
    gifts: meta.success ? meta.data.gifts : versus ? record.subscore : 0,
    power_ups_used: meta.success ? meta.data.power_ups_used : 0,
    is_me: record.ownerId === userId,
  };
}
