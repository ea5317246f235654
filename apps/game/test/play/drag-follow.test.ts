import {
  appendInput,
  createRound,
  type InputRuns,
  playInputs,
  quantizeInput,
  type RoundState,
  SUBUNITS,
  stepTick,
  type Vec,
} from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { DragFollow, followDirection, santaStep } from "../../src/play/drag-follow";

const bounds = { minX: 38, minY: 38, maxX: 1242, maxY: 682 };
const follow = () => new DragFollow(() => ({ grab: 60, lift: 50, deadZone: 8, bounds }));
const santa = { x: 640, y: 360 };

const world = (r: RoundState): Vec => ({ x: r.santa.x / SUBUNITS, y: r.santa.y / SUBUNITS });

describe("drag-follow steering", () => {
  it("steers nothing until a finger lands", () => {
    expect(follow().direction(santa, 7)).toBeNull();
  });

  it("moves Santa by the finger's movement when the finger lands away from him", () => {
    const f = follow();
    f.down(1, { x: 200, y: 600 }, santa);
    expect(f.aim()).toEqual(santa);
    expect(f.direction(santa, 7)).toEqual({ x: 0, y: 0 });
    f.move(1, { x: 300, y: 560 });
    expect(f.aim()).toEqual({ x: 740, y: 320 });
    f.move(1, { x: 310, y: 560 });
    expect(f.aim()).toEqual({ x: 750, y: 320 });
  });

  it("picks Santa up when the finger lands on him, and holds him above it", () => {
    const f = follow();
    f.down(1, { x: 650, y: 380 }, santa);
    expect(f.aim()).toEqual({ x: 650, y: 330 });
    f.move(1, { x: 700, y: 380 });
    expect(f.aim()).toEqual({ x: 700, y: 330 });
  });

  it("keeps the target on the field, and the way back moves Santa back at once", () => {
    const f = follow();
    f.down(1, { x: 100, y: 100 }, { x: 1200, y: 360 });
    f.move(1, { x: 400, y: 100 });
    expect(f.aim()).toEqual({ x: 1242, y: 360 });
    f.move(1, { x: 390, y: 100 });
    expect(f.aim()).toEqual({ x: 1232, y: 360 });
  });

  it("full speed far from the target, slowing so the last step ends on it", () => {
    expect(followDirection({ x: 0, y: 0 }, { x: 300, y: 400 }, 7)).toEqual({ x: 0.6, y: 0.8 });
    const near = followDirection({ x: 0, y: 0 }, { x: 3.5, y: 0 }, 7);
    expect(near).toEqual({ x: 0.5, y: 0 });
    expect(followDirection({ x: 0, y: 0 }, { x: 0.05, y: 0 }, 7)).toEqual({ x: 0, y: 0 });
  });

  it("a drag's target outlasts the finger until Santa reaches it; a tap steers nothing", () => {
    const f = follow();
    f.down(1, { x: 100, y: 600 }, santa);
    f.move(1, { x: 200, y: 600 });
    f.up(1);
    expect(f.direction(santa, 7)).toEqual({ x: 1, y: 0 });
    expect(f.direction({ x: 740, y: 360 }, 7)).toEqual({ x: 0, y: 0 });
    expect(f.direction(santa, 7)).toBeNull();

    const tap = follow();
    tap.down(1, { x: 650, y: 370 }, santa);
    tap.move(1, { x: 652, y: 370 });
    tap.up(1);
    expect(tap.direction(santa, 7)).toBeNull();
  });

  it("follows one finger: a second one changes nothing", () => {
    const f = follow();
    f.down(1, { x: 100, y: 600 }, santa);
    f.down(2, { x: 640, y: 360 }, santa);
    f.move(2, { x: 900, y: 360 });
    expect(f.aim()).toEqual(santa);
    f.up(2);
    f.move(1, { x: 110, y: 600 });
    expect(f.aim()).toEqual({ x: 650, y: 360 });
  });

  it("in the simulation, Santa reaches the point and stops on it without passing it", () => {
    const round = createRound({ seed: 7, orientation: "portrait" });
    const replayed = createRound({ seed: 7, orientation: "portrait" });
    const start = world(round);
    const target = { x: start.x + 123.4, y: start.y - 77.7 };
    const inputs: InputRuns = [];
    const along = (p: Vec) => (p.x - start.x) * 123.4 + (p.y - start.y) * -77.7;
    const full = along(target);
    for (let i = 0; i < 40; i++) {
      const d = followDirection(world(round), target, santaStep(round));
      const { dx, dy } = quantizeInput(d.x, d.y);
      appendInput(inputs, dx, dy);
      stepTick(round, dx, dy);
      expect(along(world(round))).toBeLessThanOrEqual(full + 0.1 * 145);
    }
    const end = world(round);
    expect(Math.hypot(end.x - target.x, end.y - target.y)).toBeLessThan(0.1);
    // It stopped: the last ticks held no input at all.
    expect(inputs.at(-1)?.slice(1)).toEqual([0, 0]);
    // What the server replays is where the player saw Santa.
    playInputs(replayed, inputs, null);
    expect(world(replayed)).toEqual(end);
  });

  it("knows the cookie's speed", () => {
    const round = createRound({ seed: 1 });
    expect(santaStep(round)).toBe(7);
    round.cookieUntil = round.tick + 10;
    expect(santaStep(round)).toBe(14);
  });
});
