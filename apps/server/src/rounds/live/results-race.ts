import type { EndMessage } from "@gift-grab/contracts";
import type { LiveRound } from "./round";

/**
 * What a finished race tells each seat: its own Santa's score by the server's simulation.
 * A race writes nothing to the solo board or stats (its score is not a solo round's); best
 * and rank stay 0 (EndMessage: nothing written). Places come from the final FRAME's scores.
 */
export function raceEnds(round: LiveRound): EndMessage[] {
  const result = round.result;
  if (!result) throw new Error("raceEnds: the race is not over");
  return result.santas.map((r) => ({
    reason: result.reason,
    score: r.score,
    gifts: r.gifts,
    powerUpsUsed: r.power_ups_used,
    best: 0,
    rank: 0,
    newBest: false,
    ticksPlayed: result.ticksPlayed,
  }));
}
