import { type EndMessage, type ReplayRecord, weeklyResetAfter } from "@gift-grab/contracts";
import { canonicalInputs } from "@gift-grab/simulation";
import { holdWrite } from "../../leaderboard/held-runs";
import { replayWrite } from "../../leaderboard/replays";
import { ownRecord, writeScore } from "../../leaderboard/weekly-board";
import { type OwnedWrite, writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { playerStatsWrite, readPlayerStats, withRound } from "../../stats/player-stats";
import { plausibility } from "./plausibility";
import type { LiveRound } from "./round";
import type { Seat } from "./seat";

const STATS_WRITE_ATTEMPTS = 5;

/**
 * Writes what a finished live round scored, by the server's own simulation: the board's
 * record (with the plausibility figures in its metadata), the player's stats and, for a new
 * weekly best, the replay replay_get serves (the round's params and the inputs the server
 * played: Watch replays it to the same score).
 *
 * A run outside human bounds (`flagged`) that scored is held for review instead: nothing goes
 * on the board; the record and replay it would have written are kept in held_runs
 * (leaderboard/held-runs.ts) for review_decide to write if a moderator approves it. The stats
 * count it either way, and END says it is held.
 */
export function writeResults(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  round: LiveRound,
  seat: Seat,
  matchId: string,
  now: number,
): EndMessage {
  const result = round.result;
  if (!result) throw new Error("writeResults: the round is not over");
  const figures = plausibility(seat, result.grabs, result.ticksPlayed);
  const metadata = {
    gifts: result.gifts,
    power_ups_used: result.power_ups_used,
    client: seat.client,
    live: { match_id: matchId, ...figures, ended: result.reason },
  };
  const before = ownRecord(nk, seat.userId);
  const overBest = result.score > 0 && (before === null || result.score > before.score);
  const replay: ReplayRecord | null = overBest
    ? {
        seed: round.seed,
        duration_ms: round.config.durationMs,
        orientation: round.orientation,
        rules_version: round.rulesVersion,
        inputs: canonicalInputs(seat.log),
        score: result.score,
        gifts: result.gifts,
        power_ups_used: result.power_ups_used,
        played_at: now,
      }
    : null;
  // A round that caught nothing goes on no board (so nothing to hold): it counts in the stats
  // only. The player's best and rank are then what the board already says (rank 0: not on it).
  const held = figures.flagged && result.score > 0;
  const record =
    result.score > 0 && !held
      ? writeScore(nk, seat.userId, seat.username, result.score, metadata)
      : before;
  const writes: OwnedWrite[] = held
    ? [
        holdWrite({
          user_id: seat.userId,
          username: seat.username,
          score: result.score,
          ...metadata,
          ...(replay ? { replay } : {}),
          played_at: now,
          // The week it belongs to: an approval after its reset can't put it on that board.
          week_ends_at: weeklyResetAfter(now),
        }),
      ]
    : replay
      ? [replayWrite(seat.userId, replay)]
      : [];
  // The stats and what goes with them in one transaction (core_storage.go): a held run is
  // never counted without being held, nor held without being counted.
  for (let attempt = 1; ; attempt++) {
    const { stats, version } = readPlayerStats(nk, logger, seat.userId);
    try {
      writeOwned(nk, [
        playerStatsWrite(seat.userId, withRound(stats, { ...result, at: now }), version),
        ...writes,
      ]);
      break;
    } catch (err) {
      if (!isVersionConflict(err) || attempt >= STATS_WRITE_ATTEMPTS) throw err;
    }
  }
  if (figures.flagged)
    logger.warn(
      "live round %s: user %s's run is outside human bounds%s",
      matchId,
      seat.userId,
      held ? ": held for review" : "",
    );
  return {
    reason: result.reason,
    score: result.score,
    gifts: result.gifts,
    powerUpsUsed: result.power_ups_used,
    best: record?.score ?? 0,
    rank: record?.rank ?? 0,
    newBest: overBest && !held,
    held,
    ticksPlayed: result.ticksPlayed,
  };
}
