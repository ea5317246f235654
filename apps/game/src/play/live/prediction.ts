import {
  type FrameMessage,
  type PublicState,
  type Reveal,
  type SeatFrame,
  unrollInputs,
} from "@gift-grab/contracts";
import {
  type Orientation,
  type RoundEvent,
  type RoundState,
  type RulesVersion,
  racer,
  roundFromPublic,
  SUBUNITS,
  stepRace,
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

/** A live round as Prediction plays it: a race when it has more than one seat. */
export interface PredictedRound {
  ticks: number;
  orientation: Orientation;
  /** This player's seat. */
  seat: number;
  /** Santas on the field (1: a solo round). */
  seats: number;
  /** The rules the server plays (START): in version 2 each spawn is revealed a lead early. */
  rulesVersion: RulesVersion;
}

type Offset = { x: number; y: number };

/**
 * Client-side prediction with server reconciliation (Gambetta): `confirmed` is the round as
 * the server played it up to its last FRAME; `predicted` is that plus the player's own inputs
 * not yet confirmed, played at once with the same simulation. The client has no seed: the
 * placeholder RNG's draws (the next gift after a grab, a power-up's body) are never shown. A
 * grab hides the gift until the server reveals the next one; a power-up stays waiting until
 * the server reveals its body. Under rules version 2 a reveal says where the spawn lands and
 * the tick it is on the field from (`at`), a lead after its draw: the field shows where it
 * will land until then (field-view.ts), and it is there on time when the reveal came before
 * the predicted tick reached `at` (else it counts in `lateGiftReveals`/`latePowerUpReveals`).
 * A FRAME advances `confirmed` with the inputs the server took
 * (its last input repeated past the acknowledged tick), puts in the reveals at their ticks,
 * corrects Santa and the score to the server's, and plays the unconfirmed inputs again. The
 * drawing eases out the difference (`offset`), so a correction shows no jump.
 *
 * A race (2–4 seats) keeps every Santa in `confirmed` and `predicted`. Its FRAME carries every
 * seat's inputs, so `confirmed` plays each tick exactly as the server did (a disagreement is
 * counted in `desyncs` and set right from the frame); the predicted ticks play the player's own
 * inputs and each other Santa's last input again (Fiedler's "last input" extrapolation), and a
 * frame that says otherwise re-simulates them: each Santa's drawn correction eases out alike.
 */
export class Prediction {
  confirmed: RoundState;
  predicted: RoundState;
  readonly race: boolean;
  /** What the server plays for a tick whose input it didn't get in time. */
  private serverInput: [number, number] = [0, 0];
  /** A race's: the input the server last played for each seat (what the others are predicted with). */
  private lastPlayed: [number, number][];
  /** Drawn Santa = predicted Santa + offset (subunits), by seat; fades to 0. */
  private readonly offsets: Offset[];
  /** A race's confirmed Santa or score the server's FRAME disagreed with (0 unless a bug). */
  desyncs = 0;
  /**
   * The first disagreement, for a report: the frame's tick, the seat and by how much (seat -1:
   * a frame that didn't reach back to the confirmed tick; dx is how many ticks it missed).
   */
  firstDesync: { tick: number; seat: number; dx: number; dy: number; dScore: number } | null = null;
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
  /** Gift reveals received, and those that came when the predicted round was at or past their `at`. */
  giftReveals = 0;
  lateGiftReveals = 0;
  /** The same for power-ups' places. */
  powerUpReveals = 0;
  latePowerUpReveals = 0;
  /**
   * Of the late ones, those whose draw the server played before this player's input for that
   * tick was in (it waited up to lateTicks for it, then played the last input): late for the
   * input's way there, a stalled page or a lost message, not for the lead. Gifts' apart.
   */
  lateWithoutInput = 0;
  lateGiftsWithoutInput = 0;
  /** How many ticks before its spawn's `at` the reveals came: the least (≤ 0: late) and the most. */
  revealMargin: { least: number; most: number } | null = null;
  private filledSeen = 0;

  constructor(
    state: PublicState,
    private readonly round: PredictedRound,
    private readonly inputs: InputsByTick,
  ) {
    this.race = round.seats > 1;
    this.confirmed = this.fromPublic(state);
    this.predicted = structuredClone(this.confirmed);
    this.lastPlayed = Array.from({ length: round.seats }, () => [0, 0]);
    this.offsets = Array.from({ length: round.seats }, () => ({ x: 0, y: 0 }));
  }

  private fromPublic(state: PublicState): RoundState {
    return roundFromPublic(state, {
      ticks: this.round.ticks,
      orientation: this.round.orientation,
      seat: this.round.seat,
      race: this.race,
      version: this.round.rulesVersion,
    });
  }

  /** The player's input for the next tick, played at once (a race's others: their last input). */
  step(dx: number, dy: number): RoundEvent[] {
    return this.play(this.predicted, dx, dy);
  }

  /** A START after a rejoin: the server's round as it is; the unconfirmed ticks again. */
  restart(state: PublicState): void {
    const upTo = this.predicted.tick;
    this.confirmed = this.fromPublic(state);
    const before = this.places();
    this.replayFrom(upTo);
    this.settle(before, true);
  }

  /** A FRAME from the server: reconcile. */
  reconcile(frame: FrameMessage): void {
    const seat = frame.seats[this.round.seat];
    const c = this.confirmed;
    for (const r of frame.reveals) {
      if (r.type === "power_up_time") this.revealTime(r.index, r.appearAtTick);
      else this.countReveal(r, (seat?.ackTick ?? 0) < r.tick);
    }
    if (!seat || frame.tick <= c.tick) return;
    this.largestFill = Math.max(this.largestFill, seat.filled - this.filledSeen);
    this.filledSeen = seat.filled;
    const upTo = this.predicted.tick;
    const before = this.places();
    if (this.race) this.advanceRace(frame);
    else this.advanceConfirmed(frame.tick, seat, frame.reveals);
    this.replayFrom(upTo);
    this.settle(before, false);
  }

  /** The player's Santa as drawn (world units): the predicted place plus what is left of a correction. */
  santaShown(): { x: number; y: number } {
    return this.shown(this.round.seat);
  }

  /** A seat's Santa as drawn (world units). */
  shown(seat: number): { x: number; y: number } {
    const s = santaOf(this.predicted, seat);
    const o = this.offsets[seat] ?? { x: 0, y: 0 };
    return { x: (s.x + o.x) / SUBUNITS, y: (s.y + o.y) / SUBUNITS };
  }

  /** Fades the drawn corrections over `ms` of real time. */
  fade(ms: number): void {
    for (let i = 0; i < this.offsets.length; i++) {
      const step = fadeOffset(this.offsets[i] as Offset, ms);
      if (i === this.round.seat) this.largestStep = Math.max(this.largestStep, step);
    }
  }

  /** When each power-up appears, once revealed (for the HUD); UNREVEALED before. */
  readonly appearAt: number[] = [];

  private revealTime(index: number, tick: number): void {
    this.appearAt[index] = tick;
  }

  /** Whether a power-up whose time was told is drawn on a tick in [from, to] (its time less the lead). */
  drawsIn(from: number, to: number): boolean {
    for (const at of this.appearAt) {
      const draw = at - this.predicted.spawnLead;
      if (draw >= from && draw <= to) return true;
    }
    return false;
  }

  /** On time: the predicted round has not yet played the tick the spawn is on the field from. */
  private countReveal(r: Exclude<Reveal, { type: "power_up_time" }>, unacked: boolean): void {
    const early = r.at - this.predicted.tick;
    const late = early <= 0;
    if (late && unacked) this.lateWithoutInput += 1;
    if (r.type === "gift") {
      this.giftReveals += 1;
      if (late) this.lateGiftReveals += 1;
      if (late && unacked) this.lateGiftsWithoutInput += 1;
    } else {
      this.revealTime(r.index, r.at);
      this.powerUpReveals += 1;
      if (late) this.latePowerUpReveals += 1;
    }
    const m = this.revealMargin;
    this.revealMargin = m
      ? { least: Math.min(m.least, early), most: Math.max(m.most, early) }
      : { least: early, most: early };
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

  /**
   * A race's FRAME: each tick since `confirmed` played with every seat's input as the server
   * played it (the frame's inputs end at its tick, run-length encoded: unrolled here to one a
   * tick), the reveals put in at their ticks. The server's Santas and scores are then the same;
   * where they aren't, they are set from it.
   */
  private advanceRace(frame: FrameMessage): void {
    const c = this.confirmed;
    const inputs = (frame.inputs ?? []).map(unrollInputs);
    const covered = inputs[0]?.length ?? 0;
    const first = frame.tick - covered + 1;
    if (first > c.tick + 1) {
      // Ticks the frames never covered: can't replay.
      this.desyncs += 1;
      this.firstDesync ??= {
        tick: frame.tick,
        seat: -1,
        dx: first - c.tick - 1,
        dy: 0,
        dScore: 0,
      };
    }
    const dirs: [number, number][] = this.lastPlayed.map((d) => [d[0], d[1]]);
    while (c.tick < frame.tick && !c.over) {
      const t = c.tick + 1;
      if (t >= first)
        for (let i = 0; i < dirs.length; i++) dirs[i] = inputs[i]?.[t - first] ?? [0, 0];
      playRace(c, dirs);
      for (const r of frame.reveals) if (r.type !== "power_up_time" && r.tick === t) place(c, r);
    }
    for (let i = 0; i < dirs.length; i++) this.lastPlayed[i] = dirs[i] as [number, number];
    this.serverInput = this.lastPlayed[this.round.seat] ?? [0, 0];
    let agreed = true;
    for (let i = 0; i < frame.seats.length; i++) {
      const f = frame.seats[i] as SeatFrame;
      const s = santaOf(c, i);
      if (s.x === f.x && s.y === f.y && s.score === f.score) continue;
      agreed = false;
      this.firstDesync ??= {
        tick: frame.tick,
        seat: i,
        dx: f.x - s.x,
        dy: f.y - s.y,
        dScore: f.score - s.score,
      };
      setSanta(c, i, f);
    }
    if (!agreed) this.desyncs += 1;
  }

  /** predicted = confirmed, then the player's inputs up to `upTo` again (a race's others: their last). */
  private replayFrom(upTo: number): void {
    const p = structuredClone(this.confirmed);
    let last = this.serverInput;
    while (p.tick < upTo && !p.over) {
      last = this.inputs.at(p.tick + 1) ?? last;
      this.play(p, last[0], last[1]);
    }
    this.predicted = p;
  }

  /** One predicted tick: the player's input; in a race each other Santa's last played input. */
  private play(s: RoundState, dx: number, dy: number): RoundEvent[] {
    if (!this.race) return play(s, dx, dy);
    const dirs = this.lastPlayed.map((d, i) => (i === this.round.seat ? [dx, dy] : d));
    return playRace(s, dirs as [number, number][]);
  }

  /** Every Santa's predicted place (subunits), by seat. */
  private places(): { x: number; y: number }[] {
    const out: { x: number; y: number }[] = [];
    for (let i = 0; i < this.offsets.length; i++) {
      const s = santaOf(this.predicted, i);
      out.push({ x: s.x, y: s.y });
    }
    return out;
  }

  private settle(before: { x: number; y: number }[], snap: boolean): void {
    for (let i = 0; i < before.length; i++) {
      const b = before[i] as { x: number; y: number };
      const after = santaOf(this.predicted, i);
      const dx = b.x - after.x;
      const dy = b.y - after.y;
      const moved = Math.sqrt(dx * dx + dy * dy) / SUBUNITS;
      const o = this.offsets[i] as Offset;
      const big = snap || moved > SNAP_AT;
      if (i === this.round.seat) {
        if (moved > 0) this.corrections += 1;
        if (!snap) this.largestCorrection = Math.max(this.largestCorrection, moved);
        if (!snap && moved > SNAP_AT) this.snaps += 1;
      }
      o.x = big ? 0 : o.x + dx;
      o.y = big ? 0 : o.y + dy;
    }
  }
}

/**
 * Eases a drawn correction out over `ms` of real time; answers the step it took, in world
 * units per 60th of a second (never more than MAX_STEP).
 */
function fadeOffset(o: Offset, ms: number): number {
  const len = Math.sqrt(o.x ** 2 + o.y ** 2);
  if (len < 1) {
    o.x = 0;
    o.y = 0;
    return 0;
  }
  // Per 60th of a second: a long frame moves everything further, Santa's own step too.
  const frames = Math.max(1, Math.max(0, ms) / (1000 / 60));
  const eased = len * (1 - Math.exp(-Math.max(0, ms) / SMOOTH_MS));
  // A large correction is drawn over more frames, never faster than MAX_STEP a 60th.
  const step = Math.min(eased, MAX_STEP * SUBUNITS * frames);
  const keep = (len - step) / len;
  o.x *= keep;
  o.y *= keep;
  return step / frames / SUBUNITS;
}

/** Seat i's Santa in a state (a solo round's is `santa`). */
function santaOf(s: RoundState, i: number): { x: number; y: number; score: number } {
  if (i === 0) return { x: s.santa.x, y: s.santa.y, score: s.score };
  const r = s.others[i - 1];
  return r ? { x: r.x, y: r.y, score: r.score } : { x: s.santa.x, y: s.santa.y, score: s.score };
}

/** The server's word on seat i's Santa: its place and score. */
function setSanta(s: RoundState, i: number, f: SeatFrame): void {
  const gained = f.score - santaOf(s, i).score;
  if (i === 0) {
    s.santa.x = f.x;
    s.santa.y = f.y;
    s.score = f.score;
    s.gifts = Math.max(0, s.gifts + gained);
    return;
  }
  const r = s.others[i - 1];
  if (!r) return;
  r.x = f.x;
  r.y = f.y;
  r.score = f.score;
  r.gifts = Math.max(0, r.gifts + gained);
}

/** One tick; a grab's next gift is the server's to place, so it is hidden until revealed. */
function play(s: RoundState, dx: number, dy: number): RoundEvent[] {
  return hideDrawn(s, stepTick(s, dx, dy));
}

/** One race tick with each seat's input; the gift hidden after a grab, as in play(). */
function playRace(s: RoundState, dirs: readonly (readonly [number, number])[]): RoundEvent[] {
  return hideDrawn(s, stepRace(s, dirs));
}

function hideDrawn(s: RoundState, events: RoundEvent[]): RoundEvent[] {
  for (const e of events) {
    if (e.type === "grab") {
      s.gift.x = HIDDEN;
      s.gift.y = HIDDEN;
    }
  }
  return events;
}

/** A race's Santa as the HUD and the field draw the player's: seat `seat` in `santa`'s place. */
export function seatView(s: RoundState, seat: number): RoundState {
  if (seat === 0) return s;
  const r = racer(s, seat);
  return {
    ...s,
    santa: {
      x: r.x,
      y: r.y,
      r: r.r,
      look: r.look,
      frozenUntil: r.frozenUntil,
      graceUntil: r.graceUntil,
    },
    score: r.score,
    gifts: r.gifts,
    powerUpsUsed: r.powerUpsUsed,
    flameUntil: r.flameUntil,
    cookieUntil: r.cookieUntil,
  };
}

/** A spawn the server revealed, put in at the tick it happened. */
function place(s: RoundState, r: Exclude<Reveal, { type: "power_up_time" }>): void {
  if (r.type === "gift") {
    s.gift.x = r.x;
    s.gift.y = r.y;
    s.giftAt = r.at;
    return;
  }
  const p = s.powerUps[r.index];
  if (!p) return;
  // Drawn at r.tick, on the field from r.at (the simulation brings it then).
  p.state = r.at > r.tick ? "coming" : "active";
  p.appearAtTick = r.at;
  p.body = { x: r.x, y: r.y, vx: r.vx, vy: r.vy, r: p.body.r };
}
