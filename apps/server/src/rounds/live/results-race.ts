import type { EndMessage } from "@gift-grab/contracts";
import { canonicalInputs } from "@gift-grab/simulation";
import { addVersus } from "../../leaderboard/versus-board";
import { writeOwned } from "../../runtime/storage";
import { plainEnd } from "./plain-end";
import { raceWrite } from "./race-store";
import type { LiveRound } from "./round";
import type { Seat } from "./seat";

/**
 * Writes what a finished race scored, by the server's simulation: the race itself (every
 * seat's inputs, for race_get and Watch) and, on the weekly versus board, a point for each
 * other player a player finished ahead of. Only players count, on both sides: a seat a bot
 * played (all race, or after its player left for good) neither scores nor gives points, so
 * a race against bots is practice. Nothing goes to the solo board or stats.
 *
 * Each seat's END: its Santa's score, and its versus total and rank this week after the race
 * (`best`, `rank`; 0 when nothing was written), `newBest` when it earned points.
 */
export function writeRaceResults(
  nk: nkruntime.Nakama,
  round: LiveRound,
  matchId: string,
  now: number,
): EndMessage[] {
  const result = round.result;
  if (!result) throw new Error("writeRaceResults: the race is not over");
  const seats = round.seats;
  writeOwned(nk, [
    raceWrite(matchId, {
      seed: round.seed,
      duration_ms: round.config.durationMs,
      orientation: round.orientation,
      rules_version: round.rulesVersion,
      santas: seats.map((seat, i) => {
        const r = result.santas[i];
        return {
          user_id: seat.userId,
          username: seat.username,
          name: seat.name,
          bot: seat.botDriven,
          inputs: canonicalInputs(seat.log),
          score: r?.score ?? 0,
          gifts: r?.gifts ?? 0,
          power_ups_used: r?.power_ups_used ?? 0,
        };
      }),
      ended: result.reason,
      played_at: now,
    }),
  ]);
  const players = seats.filter((s) => !s.botDriven);
  const scoreOf = (s: Seat) => result.santas[s.index]?.score ?? 0;
  return seats.map((seat, i) => {
    // Never held: races aren't judged for plausibility.
    const end = plainEnd(result, i);
    if (seat.botDriven || players.length < 2) return end;
    const points = players.filter((o) => scoreOf(o) < scoreOf(seat)).length;
    const record = addVersus(nk, seat.userId, seat.username, points, end.gifts);
    return { ...end, best: record.score, rank: record.rank, newBest: points > 0 };
  });
}
