import { describe, expect, it } from "vitest";
import { TouchSteer } from "../../src/play/touch-steer";

const steer = () => new TouchSteer(() => ({ radius: 60, deadZone: 10 }));
const santa = { x: 100, y: 100 };

describe("touch steering", () => {
  it("does nothing and draws nothing until a thumb lands", () => {
    const t = steer();
    expect(t.direction(santa)).toBeNull();
    expect(t.stick()).toBeNull();
  });

  it("heads for the touched point while the thumb rests, and a tap keeps going there", () => {
    const t = steer();
    t.down(1, { x: 5, y: 5 }, { x: 300, y: 100 });
    expect(t.direction(santa)).toEqual({ x: 1, y: 0 });
    expect(t.stick()).toBeNull();
    t.up(1);
    expect(t.direction(santa)).toEqual({ x: 1, y: 0 });
    // arrived: the tap is done
    expect(t.direction({ x: 300, y: 100 })).toEqual({ x: 0, y: 0 });
    expect(t.direction(santa)).toBeNull();
  });

  it("becomes a stick centred where the thumb landed once it moves past the dead zone", () => {
    const t = steer();
    t.down(1, { x: 200, y: 400 }, { x: 999, y: 999 });
    t.move(1, { x: 206, y: 400 });
    expect(t.stick()).toBeNull();
    t.move(1, { x: 230, y: 400 });
    expect(t.stick()).toEqual({ base: { x: 200, y: 400 }, knob: { x: 230, y: 400 }, radius: 60 });
    expect(t.direction(santa)).toEqual({ x: 0.5, y: 0 });
    t.up(1);
    expect(t.direction(santa)).toBeNull();
  });

  it("trails the thumb past the rim, so turning back steers at once", () => {
    const t = steer();
    t.down(1, { x: 0, y: 0 }, santa);
    t.move(1, { x: 150, y: 0 });
    expect(t.stick()?.base).toEqual({ x: 90, y: 0 });
    t.move(1, { x: 60, y: 0 });
    expect(t.direction(santa)?.x).toBeCloseTo(-0.5);
  });

  it("follows one thumb: a second finger changes nothing", () => {
    const t = steer();
    t.down(1, { x: 0, y: 0 }, { x: 300, y: 100 });
    t.down(2, { x: 50, y: 50 }, { x: 0, y: 100 });
    t.move(2, { x: 0, y: 300 });
    t.up(2);
    expect(t.direction(santa)).toEqual({ x: 1, y: 0 });
    t.release();
    expect(t.direction(santa)).toBeNull();
  });
});
