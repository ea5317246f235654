import type { Vec } from "@gift-grab/simulation";
import { joystickDirection, type MoveInput, towardTarget } from "./input";

/** The floating stick while a thumb drags it, in screen units. */
export interface Stick {
  base: Vec;
  knob: Vec;
  radius: number;
}

/**
 * Touch steering with nothing drawn on the field until a thumb lands: a touch anywhere first
 * heads Santa for the touched point (so a tap steers: he walks there), and once the thumb
 * moves past a small dead zone it becomes a joystick centred where it landed (it trails the
 * thumb past its rim, so the thumb never runs out of stick). One thumb steers at a time.
 */
export class TouchSteer {
  private touch: { id: number; base: Vec; knob: Vec; target: Vec; stick: boolean } | null = null;
  private tapTarget: Vec | null = null;

  constructor(
    /** The stick's radius and the dead zone, in screen units (they follow the UI scale). */
    private readonly size: () => { radius: number; deadZone: number },
  ) {}

  /** `screen`: where the thumb is on screen; `world`: the same point on the field. */
  down(id: number, screen: Vec, world: Vec): void {
    if (this.touch) return;
    this.touch = { id, base: screen, knob: screen, target: world, stick: false };
    this.tapTarget = null;
  }

  move(id: number, screen: Vec): void {
    const t = this.touch;
    if (t?.id !== id) return;
    const { radius, deadZone } = this.size();
    t.knob = screen;
    const dx = screen.x - t.base.x;
    const dy = screen.y - t.base.y;
    const d = Math.hypot(dx, dy);
    if (d > deadZone) t.stick = true;
    if (t.stick && d > radius) {
      t.base = { x: screen.x - (dx / d) * radius, y: screen.y - (dy / d) * radius };
    }
  }

  up(id: number): void {
    const t = this.touch;
    if (t?.id !== id) return;
    if (!t.stick) this.tapTarget = t.target;
    this.touch = null;
  }

  /** Forgets every touch (pause, round over). */
  release(): void {
    this.touch = null;
    this.tapTarget = null;
  }

  /** Where touch steers Santa (at `santa` on the field), or null when no touch steers. */
  direction(santa: Vec): MoveInput | null {
    const t = this.touch;
    if (t) {
      return t.stick
        ? joystickDirection(t.base, t.knob, this.size().radius)
        : towardTarget(santa, t.target);
    }
    if (!this.tapTarget) return null;
    const d = towardTarget(santa, this.tapTarget);
    if (d.x === 0 && d.y === 0) this.tapTarget = null;
    return d;
  }

  stick(): Stick | null {
    const t = this.touch;
    return t?.stick ? { base: t.base, knob: t.knob, radius: this.size().radius } : null;
  }
}
