import { type RoundState, SUBUNITS, type Vec } from "@gift-grab/simulation";
import type { MoveInput } from "./input";

/** Where Santa may stand on the field (his centre), in world units. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Sizes that follow the screen, in world units (the field's scale changes with it). */
export interface FollowSizes {
  /** A finger that lands this close to Santa picks him up. */
  grab: number;
  /** A picked-up Santa stands this far above the finger, so the finger never hides him. */
  lift: number;
  /** A press that moves less than this is a tap: it steers nothing once lifted. */
  deadZone: number;
  bounds: Bounds;
}

/**
 * Santa follows the finger: he moves by the finger's movement (relative drag, so a thumb
 * anywhere steers him without covering him), or, when the finger lands on him, he is picked up
 * and held `lift` above it. Each tick he steps toward that target point at most as far as is
 * left, so he stops on it instead of overshooting: the direction is an ordinary per-tick input,
 * recorded and replayed like any other. One finger steers at a time.
 */
export class DragFollow {
  private finger: { id: number; last: Vec; travel: number } | null = null;
  private target: Vec | null = null;

  constructor(private readonly sizes: () => FollowSizes) {}

  /** `finger` and `santa` in world units. */
  down(id: number, finger: Vec, santa: Vec): void {
    if (this.finger) return;
    const { grab, lift, bounds } = this.sizes();
    const onSanta = Math.hypot(finger.x - santa.x, finger.y - santa.y) <= grab;
    this.finger = { id, last: finger, travel: 0 };
    this.target = onSanta ? clampTo(bounds, { x: finger.x, y: finger.y - lift }) : { ...santa };
  }

  /** The finger moved to `finger` (world units): the target moves by as much. */
  move(id: number, finger: Vec): void {
    const f = this.finger;
    if (f?.id !== id || !this.target) return;
    const dx = finger.x - f.last.x;
    const dy = finger.y - f.last.y;
    f.last = finger;
    f.travel += Math.hypot(dx, dy);
    // Clamped as it goes: past a wall the finger's way back moves Santa back at once.
    this.target = clampTo(this.sizes().bounds, { x: this.target.x + dx, y: this.target.y + dy });
  }

  /** A drag's target stays until Santa reaches it; a tap (no drag) steers nothing. */
  up(id: number): void {
    const f = this.finger;
    if (f?.id !== id) return;
    if (f.travel < this.sizes().deadZone) this.target = null;
    this.finger = null;
  }

  /** Forgets every touch (pause, round over). */
  release(): void {
    this.finger = null;
    this.target = null;
  }

  /** Where Santa is headed (world units), or null when nothing steers. */
  aim(): Vec | null {
    return this.target;
  }

  /**
   * This tick's direction for Santa at `santa`, who moves `step` world units a tick at full
   * input; null when no finger steers.
   */
  direction(santa: Vec, step: number): MoveInput | null {
    const target = this.target;
    if (!target) return null;
    const d = followDirection(santa, target, step);
    if (d.x === 0 && d.y === 0 && !this.finger) this.target = null;
    return d;
  }
}

/**
 * Toward `target`, as long as the step (`step` world units at full input, shorter in
 * proportion) reaches it and no further: Santa lands on the point without passing it.
 */
export function followDirection(from: Vec, target: Vec, step: number): MoveInput {
  const dx = target.x - from.x;
  const dy = target.y - from.y;
  const d = Math.hypot(dx, dy);
  // Under one input quantum (1/100 of a step) there is nothing left to move.
  if (d < step / 100 + 1e-9) return { x: 0, y: 0 };
  const k = Math.min(1, d / step) / d;
  return { x: dx * k, y: dy * k };
}

/** How far Santa moves in the round's next tick at full input, in world units. */
export function santaStep(round: RoundState): number {
  const { santaStep: base, cookieSpeedMultiplier } = round.rules;
  // The simulation counts the tick first, then checks the cookie against it.
  const cookie = round.tick + 1 < round.cookieUntil;
  return (cookie ? base * cookieSpeedMultiplier : base) / SUBUNITS;
}

function clampTo(b: Bounds, p: Vec): Vec {
  return {
    x: Math.min(b.maxX, Math.max(b.minX, p.x)),
    y: Math.min(b.maxY, Math.max(b.minY, p.y)),
  };
}
