import { describe, expect, it } from "vitest";
import { interpolate } from "../../src/play/interpolate";
import { TICK_MS, TickClock } from "../../src/play/tick-clock";

describe("fixed ticks at any frame rate", () => {
  it("turns a second of frames into 60 ticks at 30, 60, 144 fps and any speed", () => {
    for (const fps of [30, 60, 144, 37]) {
      for (const speed of [1, 2, 4, 0.25]) {
        const clock = new TickClock();
        let ticks = 0;
        for (let i = 0; i < fps * 10; i++) ticks += clock.advance(1000 / fps, speed);
        expect(Math.abs(ticks - 600 * speed)).toBeLessThanOrEqual(1);
        expect(clock.alpha).toBeGreaterThanOrEqual(0);
        expect(clock.alpha).toBeLessThan(1);
      }
    }
  });

  it("counts a stalled frame as at most 100 ms, and nothing for a negative delta", () => {
    const clock = new TickClock();
    expect(clock.advance(5000)).toBe(Math.floor(100 / TICK_MS));
    expect(clock.advance(-50)).toBe(0);
  });

  it("draws between two ticks' states; the gift and a new power-up jump", () => {
    const a = {
      santa: { x: 0, y: 0 },
      gift: { x: 5, y: 5 },
      ice: [{ x: 10, y: 0 }],
      powerUps: [null],
    };
    const b = {
      santa: { x: 10, y: 20 },
      gift: { x: 50, y: 50 },
      ice: [{ x: 20, y: 0 }],
      powerUps: [{ x: 7, y: 7 }],
    };
    expect(interpolate(a, b, 0.5)).toEqual({
      santa: { x: 5, y: 10 },
      gift: { x: 50, y: 50 },
      ice: [{ x: 15, y: 0 }],
      powerUps: [{ x: 7, y: 7 }],
    });
  });
});
