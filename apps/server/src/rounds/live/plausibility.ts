import type { InputRuns } from "@gift-grab/simulation";
import type { Seat } from "./seat";

/**
 * Figures a moderator reads beside a live run (the record's metadata, or the held run): how
 * fast the player turned toward each new gift, how often the direction turned, how many input
 * messages came. A run outside the bounds below is `flagged` and held for review instead of
 * going on the board (results.ts). What the bounds are based on: docs/realtime.md
 * "Plausibility".
 */
export interface Plausibility {
  /** Median ms from a gift appearing to the first move toward it (reactionTicks). */
  reaction_median_ms: number;
  reaction_min_ms: number;
  reactions: number;
  /** Turns (turnTicks) a second, the first move of the round not counted. */
  direction_changes_per_s: number;
  input_messages_per_s: number;
  /** Ticks the server played with a repeated input (late or lost messages). */
  filled_ticks: number;
  dropped_messages: number;
  flagged: boolean;
}

/** A grab: the tick, and the way from Santa to the gift that appeared for it (subunits). */
export interface Grab {
  tick: number;
  toGiftX: number;
  toGiftY: number;
}

/**
 * A person needs ~150 ms to see a gift and turn, and a live round adds the network and a
 * match loop on top; lower medians over many gifts are a program.
 */
export const MIN_HUMAN_REACTION_MEDIAN_MS = 100;
/** Turns a second no thumb or keyboard sustains over a whole round. */
export const MAX_HUMAN_DIRECTION_CHANGES_PER_S = 15;
/** Reactions needed before the median means anything. */
const MIN_REACTIONS = 5;

const TICK_MS = 1000 / 60;

/**
 * More than 45° between two directions, neither of them zero. Integer products, no
 * trigonometry: the same answer in V8 and goja (docs/realtime.md), whatever the lengths.
 */
function apart(ax: number, ay: number, bx: number, by: number): boolean {
  const dot = ax * bx + ay * by;
  if (dot <= 0) return true;
  // cos² < ½, i.e. the angle is over 45°.
  return 2 * dot * dot < (ax * ax + ay * ay) * (bx * bx + by * by);
}

const moving = (dx: number, dy: number) => dx !== 0 || dy !== 0;

/**
 * The ticks at which the played direction turned: the first move of the round, then every
 * input more than 45° from the direction of the last turn. Standing still is no turn (nor is
 * moving on the same way after it), and neither is an input that drifts by less: a drag or a
 * finger steers with a slightly different input nearly every tick (the e2e's touch player
 * changed its input 8.5 times a second over a round, and turned 1.5 times), and easing into
 * a target changes only the length.
 */
export function turnTicks(log: InputRuns): number[] {
  const out: number[] = [];
  let ax = 0;
  let ay = 0;
  let t = 0;
  for (const [n, dx, dy] of log) {
    if (moving(dx, dy) && (!moving(ax, ay) || apart(ax, ay, dx, dy))) {
      out.push(t + 1);
      ax = dx;
      ay = dy;
    }
    t += n;
  }
  return out;
}

/**
 * For each grab, the ticks from it to the first input within 45° of the way to the gift that
 * appeared for it, played before the next grab. A grab whose input was already heading that
 * way measures nothing (no turn to see), nor one never followed by such an input (the player
 * went elsewhere first). Heading for the new gift, not any change of input: a drag easing
 * into the old gift, or stopping on it, is no reaction to the new one.
 */
export function reactionTicks(log: InputRuns, grabs: readonly Grab[]): number[] {
  // Each run's first tick (ticks count from 1) and its input.
  const starts: number[] = [];
  let t = 0;
  for (const [n] of log) {
    starts.push(t + 1);
    t += n;
  }
  const out: number[] = [];
  let r = 0;
  for (let g = 0; g < grabs.length; g++) {
    const { tick, toGiftX, toGiftY } = grabs[g] as Grab;
    const until = grabs[g + 1]?.tick ?? Number.POSITIVE_INFINITY;
    if (!moving(toGiftX, toGiftY)) continue;
    // The run playing at the grab.
    while (r + 1 < starts.length && (starts[r + 1] as number) <= tick) r++;
    const toward = (i: number) => {
      const [, dx, dy] = log[i] as [number, number, number];
      return moving(dx, dy) && !apart(toGiftX, toGiftY, dx, dy);
    };
    if (r < log.length && toward(r)) continue;
    for (let i = r + 1; i < log.length && (starts[i] as number) < until; i++) {
      if (toward(i)) {
        out.push((starts[i] as number) - tick);
        break;
      }
    }
  }
  return out;
}

export function plausibility(
  seat: Seat,
  grabs: readonly Grab[],
  ticksPlayed: number,
): Plausibility {
  const seconds = Math.max(ticksPlayed / 60, 1 / 60);
  const reactions = reactionTicks(seat.log, grabs).sort((a, b) => a - b);
  const median = reactions.length ? (reactions[reactions.length >> 1] as number) * TICK_MS : 0;
  const min = reactions.length ? (reactions[0] as number) * TICK_MS : 0;
  const changesPerS = Math.max(0, turnTicks(seat.log).length - 1) / seconds;
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
