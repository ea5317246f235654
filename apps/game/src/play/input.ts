import type { Vec } from "@gift-grab/simulation";

/**
 * A device's direction of intended movement, length 0..1 (a joystick may push less than
 * fully). The scene turns it into the tick's integer input with quantizeInput.
 */
export type MoveInput = Vec;

/** Keyboard arrows / WASD to a direction (diagonals normalized by the round). */
export function keyboardDirection(keys: {
  left: boolean;
  right: boolean;
  up: boolean;
  down: boolean;
}): MoveInput {
  return {
    x: (keys.right ? 1 : 0) - (keys.left ? 1 : 0),
    y: (keys.down ? 1 : 0) - (keys.up ? 1 : 0),
  };
}

/** Drag: head for the pointer, easing off in the last `ease` units so Santa doesn't jitter. */
export function towardTarget(from: Vec, target: Vec, ease = 24): MoveInput {
  const dx = target.x - from.x;
  const dy = target.y - from.y;
  const d = Math.hypot(dx, dy);
  if (d < 4) return { x: 0, y: 0 };
  const k = Math.min(1, d / ease) / d;
  return { x: dx * k, y: dy * k };
}

/** Joystick: knob offset from the base, as a fraction of the radius (clipped to 1). */
export function joystickDirection(base: Vec, knob: Vec, radius: number): MoveInput {
  const dx = (knob.x - base.x) / radius;
  const dy = (knob.y - base.y) / radius;
  const len = Math.hypot(dx, dy);
  if (len < 0.15) return { x: 0, y: 0 };
  return len > 1 ? { x: dx / len, y: dy / len } : { x: dx, y: dy };
}
