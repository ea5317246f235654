import { TICKS_PER_SECOND } from "@gift-grab/simulation";

export const TICK_MS = 1000 / TICKS_PER_SECOND;

/**
 * Turns frame times into whole simulation ticks: the simulation always advances in fixed
 * ticks, whatever the frame rate or ?speed, and the leftover fraction of a tick is how far
 * to interpolate the drawing between the last two states.
 */
export class TickClock {
  private carry = 0;

  /** Ticks due after `deltaMs` of real time at `speed` (a long frame counts as at most `maxDeltaMs`). */
  advance(deltaMs: number, speed = 1, maxDeltaMs = 100): number {
    this.carry += Math.min(Math.max(deltaMs, 0), maxDeltaMs) * speed;
    const ticks = Math.floor(this.carry / TICK_MS);
    this.carry -= ticks * TICK_MS;
    return ticks;
  }

  /** How far into the next tick real time is, in [0, 1). */
  get alpha(): number {
    return this.carry / TICK_MS;
  }

  reset() {
    this.carry = 0;
  }
}
