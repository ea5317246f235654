import type { EndMessage } from "@gift-grab/contracts";
import { canonicalInputs } from "@gift-grab/simulation";
import { replayWrite } from "../../leaderboard/replays";
import { ownRecord, writeScore } from "../../leaderboard/weekly-board";
import { writeOwned } from "../../runtime/storage";
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
  const figures = plausibility(seat, result.grabTicks, result.ticksPlayed);
  const before = ownRecord(nk, seat.userId);
  // A round that caught nothing stays off the board: it counts in the stats only. The
  // player's best and rank are what the board already says (rank 0: not on it).
  const record =
    result.score > 0
      ? writeScore(nk, seat.userId, seat.username, result.score, {
          gifts: result.gifts,
          power_ups_used: result.power_ups_used,
          client: seat.client,
          live: { match_id: matchId, ...figures, ended: result.reason },
        })
      : before;
  const newBest = result.score > 0 && (before === null || result.score > before.score);
  const replay = newBest
    ? [
        replayWrite(seat.userId, {
          seed: round.seed,
          duration_ms: round.config.durationMs,
          orientation: round.orientation,
          inputs: canonicalInputs(seat.log),
          score: result.score,
          gifts: result.gifts,
          power_ups_used: result.power_ups_used,
          played_at: now,
        }),
      ]
    : [];
  for (let attempt = 1; ; attempt++) {
    const { stats, version } = readPlayerStats(nk, logger, seat.userId);
    try {
      writeOwned(nk, [
        playerStatsWrite(seat.userId, withRound(stats, { ...result, at: now }), version),
        ...replay,
      ]);
      break;
    } catch (err) {
      if (!isVersionConflict(err) || attempt >= STATS_WRITE_ATTEMPTS) throw err;
    }
  }
  if (figures.flagged)
    logger.warn("live round %s: user %s's run is outside human bounds", matchId, seat.userId);
  return {
    reason: result.reason,
    score: result.score,
    gifts: result.gifts,
    powerUpsUsed: result.power_ups_used,
    best: record?.score ?? 0,
    rank: record?.rank ?? 0,
    newBest,
    ticksPlayed: result.ticksPlayed,
  };
}
