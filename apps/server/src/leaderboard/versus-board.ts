import { VERSUS_LEADERBOARD_ID, WEEKLY_RESET_CRON } from "@gift-grab/contracts";

/** Creates the weekly versus board (InitModule), idempotent like the solo board. */
export function createVersusBoard(nk: nkruntime.Nakama, logger: nkruntime.Logger) {
  nk.leaderboardCreate(
    VERSUS_LEADERBOARD_ID,
    true, // authoritative: clients cannot write
    "descending" as nkruntime.SortOrder,
    "incr" as nkruntime.Operator,
    WEEKLY_RESET_CRON,
    {},
    true,
  );
  logger.info("leaderboard %s ready (reset %s)", VERSUS_LEADERBOARD_ID, WEEKLY_RESET_CRON);
}

/** Adds a race's points and gifts to the player's week; returns the record after it. */
export function addVersus(
  nk: nkruntime.Nakama,
  userId: string,
  username: string,
  points: number,
  gifts: number,
): nkruntime.LeaderboardRecord {
  return nk.leaderboardRecordWrite(VERSUS_LEADERBOARD_ID, userId, username, points, gifts, {});
}
