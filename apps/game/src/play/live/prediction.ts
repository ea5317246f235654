import type { FrameMessage, PublicState, Reveal, SeatFrame } from "@gift-grab/contracts";
import {
  type Orientation,
  type RoundEvent,
  type RoundState,
  roundFromPublic,
  SUBUNITS,
  stepTick,
} from "@gift-grab/simulation";

/** A gift the server has not placed yet: far outside the field, where no grab reaches it. */
export const HIDDEN = -1_000_000_000;

/** Whether the round's gift is one the server placed (false: it is on its way). */
export function giftKnown(s: RoundState): boolean {
  return s.gift.x !== HIDDEN;
}

/** The player's input per tick (net/live/input-log.ts keeps it). */
export interface InputsByTick {
  at(tick: number): [number, number] | null;
}

/** How fast a small correction's leftover fades from the drawing: halved about every 55 ms. */
const SMOOTH_MS = 80;
/**
 * The most a correction moves the drawn Santa in a 60th of a second (world units): less than
 * his own step (7 a tick), so a correction reads as a drift, not a jump.
 */
export const MAX_STEP = 6;
/** A correction this large (world units) is drawn at once: smoothing it would mislead. */
export const SNAP_AT = 240;

/**
 * Client-side prediction with server reconciliation (Gambetta): `confirmed` is the round as
 * the server played it up to its last FRAME; `predicted` is that plus the player's own inputs
 * not yet confirmed, played at once with the same simulation. The client has no seed: the
 * placeholder RNG's draws (the next gift after a grab, a power-up's body) are never shown. A
 * grab hides the gift until the server reveals the next one; a power-up stays waiting until
 * the server reveals its body. A FRAME advances `confirmed` with the inputs the server took
 * (its last input repeated past the acknowledged tick), puts in the reveals at their ticks,
 * corrects Santa and the score to the server's, and plays the unconfirmed inputs again. The
 * drawing eases out the difference (`offset`), so a correction shows no jump.
 */
export class Prediction {
  confirmed: RoundState;
  predicted: RoundState;
  /** What the server plays for a tick whose input it didn't get in time. */
  private serverInput: [number, number] = [0, 0];
  /** Drawn Santa = predicted Santa + offset (subunits); fades to 0. */
  private offset = { x: 0, y: 0 };
  /** The largest correction of the predicted Santa, in world units (before smoothing). */
  largestCorrection = 0;
  /**
   * The largest step an eased correction added to the drawing, in world units per 60th of a
   * second: what the player sees of it (at most MAX_STEP; snaps are counted apart).
   */
  largestStep = 0;
  corrections = 0;
  /** Corrections drawn at once (over SNAP_AT: a long stall or a rejoin). */
  snaps = 0;
  /** The most ticks the server filled between two frames (its last input played for ours). */
  largestFill = 0;
  private filledSeen = 0;

  constructor(
    state: PublicState,
    private readonly round: { ticks: number; orientation: Orientation; seat: number },
    private readonly inputs: InputsByTick,
  ) {
    this.confirmed = roundFromPublic(state, round);
    this.predicted = structuredClone(this.confirmed);
  }

  /** The player's input for the next tick, played at once. */
  step(dx: number, dy: number): RoundEvent[] {
    return play(this.predicted, dx, dy);
  }

  /** A START after a rejoin: the server's round as it is; the unconfirmed ticks again. */
  restart(state: PublicState): void {
    const upTo = this.predicted.tick;
    this.confirmed = roundFromPublic(state, this.round);
    const before = { ...this.predicted.santa };
    this.replayFrom(upTo);
    this.settle(before, true);
  }

  /** A FRAME from the server: reconcile. */
  reconcile(frame: FrameMessage): void {
    const seat = frame.seats[this.round.seat];
    const c = this.confirmed;
    for (const r of frame.reveals)
      if (r.type === "power_up_time") this.revealTime(r.index, r.appearAtTick);
    if (!seat || frame.tick <= c.tick) return;
    this.largestFill = Math.max(this.largestFill, seat.filled - this.filledSeen);
    this.filledSeen = seat.filled;
    const upTo = this.predicted.tick;
    const before = { ...this.predicted.santa };
    this.advanceConfirmed(frame.tick, seat, frame.reveals);
    this.replayFrom(upTo);
    this.settle(before, false);
  }

  /** Santa as drawn (world units): the predicted place plus what is left of a correction. */
  santaShown(): { x: number; y: number } {
    const s = this.predicted.santa;
    return { x: (s.x + this.offset.x) / SUBUNITS, y: (s.y + this.offset.y) / SUBUNITS };
  }

  /** Fades the drawn correction over `ms` of real time. */
  fade(ms: number): void {
    const len = Math.sqrt(this.offset.x ** 2 + this.offset.y ** 2);
    if (len < 1) {
      this.offset = { x: 0, y: 0 };
      return;
    }
    // Per 60th of a second: a long frame moves everything further, Santa's own step too.
    const frames = Math.max(1, Math.max(0, ms) / (1000 / 60));
    const eased = len * (1 - Math.exp(-Math.max(0, ms) / SMOOTH_MS));
    // A large correction is drawn over more frames, never faster than MAX_STEP a 60th.
    const step = Math.min(eased, MAX_STEP * SUBUNITS * frames);
    this.largestStep = Math.max(this.largestStep, step / frames / SUBUNITS);
    const keep = (len - step) / len;
    this.offset.x *= keep;
    this.offset.y *= keep;
  }

  /** When each power-up appears, once revealed (for the HUD); UNREVEALED before. */
  readonly appearAt: number[] = [];

  private revealTime(index: number, tick: number): void {
    this.appearAt[index] = tick;
  }

  private advanceConfirmed(to: number, seat: SeatFrame, reveals: readonly Reveal[]): void {
    const c = this.confirmed;
    while (c.tick < to && !c.over) {
      const t = c.tick + 1;
      if (t <= seat.ackTick) {
        const mine = this.inputs.at(t);
        if (mine) this.serverInput = mine;
      }
      play(c, this.serverInput[0], this.serverInput[1]);
      for (const r of reveals) if (r.type !== "power_up_time" && r.tick === t) place(c, r);
    }
    // The server's word on where Santa is and what it scored.
    const gained = seat.score - c.score;
    c.score = seat.score;
    c.gifts = Math.max(0, c.gifts + gained);
    c.santa.x = seat.x;
    c.santa.y = seat.y;
  }

  /** predicted = confirmed, then the player's inputs up to `upTo` again. */
  private replayFrom(upTo: number): void {
    const p = structuredClone(this.confirmed);
    let last = this.serverInput;
    while (p.tick < upTo && !p.over) {
      last = this.inputs.at(p.tick + 1) ?? last;
      play(p, last[0], last[1]);
    }
    this.predicted = p;
  }

  private settle(before: { x: number; y: number }, snap: boolean): void {
    const after = this.predicted.santa;
    const dx = before.x - after.x;
    const dy = before.y - after.y;
    const moved = Math.sqrt(dx * dx + dy * dy) / SUBUNITS;
    if (moved > 0) this.corrections += 1;
    if (!snap) this.largestCorrection = Math.max(this.largestCorrection, moved);
    if (!snap && moved > SNAP_AT) this.snaps += 1;
    if (snap || moved > SNAP_AT) this.offset = { x: 0, y: 0 };
    else this.offset = { x: this.offset.x + dx, y: this.offset.y + dy };
  }
}

/** One tick; a grab's next gift is the server's to place, so it is hidden until revealed. */
function play(s: RoundState, dx: number, dy: number): RoundEvent[] {
  const events = stepTick(s, dx, dy);
  for (const e of events) {
    if (e.type === "grab") {
      s.gift.x = HIDDEN;
      s.gift.y = HIDDEN;
    }
  }
  return events;
}

/** A spawn the server revealed, put in at the tick it happened. */
function place(s: RoundState, r: Exclude<Reveal, { type: "power_up_time" }>): void {
  if (r.type === "gift") {
    s.gift.x = r.x;
    s.gift.y = r.y;
    return;
  }
  const p = s.powerUps[r.index];
  if (!p) return;
  p.state = "active";
  p.body = { x: r.x, y: r.y, vx: r.vx, vy: r.vy, r: p.body.r };
}
