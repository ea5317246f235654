import {
  LAST_WEEK_TOP_SIZE,
  LEADERBOARD_PAGE_SIZE,
  type LeaderboardEntry,
  leaderboardView,
  VERSUS_LEADERBOARD_ID,
  WEEKLY_LEADERBOARD_ID,
  weeklyResetAfter,
} from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { type CurrentNames, currentNames, ownRecord, toEntry } from "./weekly-board";

/** Records with a rank: listing ranks count from the page start, owner records from the rank cache. */
function entries(
  records: nkruntime.LeaderboardRecord[],
  userId: string,
  names: Map<string, CurrentNames>,
): LeaderboardEntry[] {
  return records.filter((r) => r.rank > 0).map((r) => toEntry(r, userId, names));
}

function listPage(nk: nkruntime.Nakama, boardId: string, cursor: string | undefined) {
  try {
    return nk.leaderboardRecordsList(boardId, [], LEADERBOARD_PAGE_SIZE, cursor);
  } catch {
    throw rpcError("invalid_payload", "leaderboard_view: cursor: not a cursor of this board");
  }
}

export const leaderboardViewHandler = defineHandler(leaderboardView, {
  run(input, { userId, nk }) {
    const now = Date.now();
    const boardId = input.board === "versus" ? VERSUS_LEADERBOARD_ID : WEEKLY_LEADERBOARD_ID;
    const [board] = nk.leaderboardsGetId([boardId]);
    // nextReset is in seconds; the schedule maths is the fallback if the board says nothing.
    const nextResetAt = board?.nextReset ? board.nextReset * 1000 : weeklyResetAfter(now);
    const prevResetSec = board?.prevReset ? board.prevReset : (nextResetAt - 7 * 86_400_000) / 1000;

    const mine = ownRecord(nk, userId, boardId);
    let page: nkruntime.LeaderboardRecord[];
    let next: string | null = null;
    let prev: string | null = null;
    if (input.around_me && mine) {
      const around = nk.leaderboardRecordsHaystack(boardId, userId, LEADERBOARD_PAGE_SIZE, "", 0);
      page = around.records ?? [];
    } else {
      const list = listPage(nk, boardId, input.cursor);
      page = list.records ?? [];
      next = list.nextCursor || null;
      prev = list.prevCursor || null;
    }

    // Last week's records all expired at the reset that started this week.
    const lastWeek = nk.leaderboardRecordsList(
      boardId,
      [],
      LAST_WEEK_TOP_SIZE,
      undefined,
      prevResetSec,
    );
    const podium = lastWeek.records ?? [];
    const names = currentNames(nk, [...page, ...podium, mine]);
    return {
      records: entries(page, userId, names),
      next_cursor: next,
      prev_cursor: prev,
      me: mine && mine.rank > 0 ? toEntry(mine, userId, names) : null,
      next_reset_at: nextResetAt,
      server_now: now,
      last_week_top: entries(podium, userId, names),
    };
  },
});
