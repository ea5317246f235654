import { describe, expect, it } from "vitest";
import { joystickDirection, keyboardDirection, towardTarget } from "../../src/play/input";

describe("input to direction", () => {
  it("maps arrows / WASD", () => {
    expect(keyboardDirection({ left: true, right: false, up: false, down: true })).toEqual({
      x: -1,
      y: 1,
    });
    expect(keyboardDirection({ left: true, right: true, up: false, down: false })).toEqual({
      x: 0,
      y: 0,
    });
  });

  it("heads for a drag target and eases off close to it", () => {
    expect(towardTarget({ x: 0, y: 0 }, { x: 100, y: 0 })).toEqual({ x: 1, y: 0 });
    expect(towardTarget({ x: 0, y: 0 }, { x: 12, y: 0 }).x).toBeCloseTo(0.5);
    expect(towardTarget({ x: 0, y: 0 }, { x: 2, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it("reads the joystick as a fraction of its radius, clipped, with a dead zone", () => {
    expect(joystickDirection({ x: 0, y: 0 }, { x: 35, y: 0 }, 70)).toEqual({ x: 0.5, y: 0 });
    expect(joystickDirection({ x: 0, y: 0 }, { x: 0, y: -700 }, 70)).toEqual({ x: 0, y: -1 });
    expect(joystickDirection({ x: 0, y: 0 }, { x: 5, y: 0 }, 70)).toEqual({ x: 0, y: 0 });
  });
});
