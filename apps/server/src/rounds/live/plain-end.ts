import type { EndMessage } from "@gift-grab/contracts";
import type { RoundResult } from "./round";

/**
 * Seat i's END as its Santa scored, with nothing on a board behind it (best and rank 0, no new
 * best, not held): a race seat that earned no versus points, or any seat when writing the
 * results failed (`reason` "failed").
 */
export function plainEnd(
  result: RoundResult,
  i: number,
  reason: EndMessage["reason"] = result.reason,
): EndMessage {
  const r = result.santas[i];
  return {
    reason,
    score: r?.score ?? 0,
    gifts: r?.gifts ?? 0,
    powerUpsUsed: r?.power_ups_used ?? 0,
    best: 0,
    rank: 0,
    newBest: false,
    held: false,
    ticksPlayed: result.ticksPlayed,
  };
}
