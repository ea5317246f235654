import { type LeaderboardEntry, leaderboardView, type RpcRequest } from "@gift-grab/contracts";
import type { GameNet, LeaderboardPage, LeaderboardRow } from "../types";

/** Calls leaderboard_view: a page of one of this week's boards, as the leaderboard screen shows it. */
export async function callLeaderboardView(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof leaderboardView>,
): Promise<LeaderboardPage> {
  const res = await net.rpc(leaderboardView, input);
  return {
    board: input.board ?? "solo",
    rows: res.records.map(toRow),
    nextCursor: res.next_cursor,
    prevCursor: res.prev_cursor,
    me: res.me ? toRow(res.me) : null,
    // The server's clock decides; count down from our clock by the same distance.
    nextResetAt: new Date(Date.now() + (res.next_reset_at - res.server_now)),
    lastWeekTop: res.last_week_top.map(toRow),
  };
}

function toRow(e: LeaderboardEntry): LeaderboardRow {
  return {
    rank: e.rank,
    ownerId: e.owner_id,
    username: e.username,
    name: e.display_name,
    score: e.score,
    isMe: e.is_me,
  };
}
