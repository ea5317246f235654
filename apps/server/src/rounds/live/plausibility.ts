import type { InputRuns } from "@gift-grab/simulation";
import type { Seat } from "./seat";

/**
 * Figures a moderator reads beside a live run (the record's metadata): how fast the player
 * reacted to each new gift, how often the direction changed, how many input messages came.
 * The bounds below flag a run for review; they are provisional (docs/realtime.md): set from
 * the bots of the tests, to be set from human play.
 */
export interface Plausibility {
  /** Median ticks→ms from a gift appearing to the first change of direction after it. */
  reaction_median_ms: number;
  reaction_min_ms: number;
  reactions: number;
  direction_changes_per_s: number;
  input_messages_per_s: number;
  /** Ticks the server played with a repeated input (late or lost messages). */
  filled_ticks: number;
  dropped_messages: number;
  flagged: boolean;
}

/** A human needs ~150 ms to see a gift and turn; lower medians over many grabs are a program. */
export const MIN_HUMAN_REACTION_MEDIAN_MS = 100;
/** Direction changes a second no thumb or keyboard sustains over a whole round. */
export const MAX_HUMAN_DIRECTION_CHANGES_PER_S = 15;
/** Reactions needed before the median means anything. */
const MIN_REACTIONS = 5;

const TICK_MS = 1000 / 60;

/** For each grab tick, the ticks until the played direction first changed after it. */
export function reactionTicks(log: InputRuns, grabTicks: readonly number[]): number[] {
  const out: number[] = [];
  // Run boundaries: the ticks at which a new direction starts (the first run's start excluded).
  const changes: number[] = [];
  let t = 0;
  for (let i = 0; i < log.length; i++) {
    if (i > 0) changes.push(t + 1);
    t += (log[i] as [number, number, number])[0];
  }
  let c = 0;
  for (const grab of grabTicks) {
    while (c < changes.length && (changes[c] as number) <= grab) c++;
    if (c < changes.length) out.push((changes[c] as number) - grab);
  }
  return out;
}

export function plausibility(
  seat: Seat,
  grabTicks: readonly number[],
  ticksPlayed: number,
): Plausibility {
  const seconds = Math.max(ticksPlayed / 60, 1 / 60);
  const reactions = reactionTicks(seat.log, grabTicks).sort((a, b) => a - b);
  const median = reactions.length ? (reactions[reactions.length >> 1] as number) * TICK_MS : 0;
  const min = reactions.length ? (reactions[0] as number) * TICK_MS : 0;
  const changesPerS = Math.max(0, seat.log.length - 1) / seconds;
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    reaction_median_ms: Math.round(median),
    reaction_min_ms: Math.round(min),
    reactions: reactions.length,
    direction_changes_per_s: round1(changesPerS),
    input_messages_per_s: round1(seat.inputMessages / seconds),
    filled_ticks: seat.filled,
    dropped_messages: Object.values(seat.dropped).reduce((a, b) => a + b, 0),
    flagged:
      (reactions.length >= MIN_REACTIONS && median < MIN_HUMAN_REACTION_MEDIAN_MS) ||
      changesPerS > MAX_HUMAN_DIRECTION_CHANGES_PER_S,
  };
}
