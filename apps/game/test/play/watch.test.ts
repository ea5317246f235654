import { createRound, replay, stepTick } from "@gift-grab/simulation";
import { playBot } from "@gift-grab/simulation/bot";
import { describe, expect, it } from "vitest";
import { ReplayCursor } from "../../src/play/watch";

describe("watching a run", () => {
  it("hands out the inputs tick by tick, then stands still", () => {
    const c = new ReplayCursor([
      [2, 10, -10],
      [1, 0, 100],
    ]);
    expect([c.next(), c.next(), c.next(), c.next()]).toEqual([
      { dx: 10, dy: -10 },
      { dx: 10, dy: -10 },
      { dx: 0, dy: 100 },
      { dx: 0, dy: 0 },
    ]);
  });

  it("played tick by tick through the cursor, ends on the replay's score and state", () => {
    const params = { seed: 99, duration_ms: 20_000, orientation: "portrait" as const };
    const { inputs, score } = playBot(params, { seed: 3 });
    const s = createRound({
      seed: params.seed,
      durationMs: params.duration_ms,
      orientation: params.orientation,
    });
    const c = new ReplayCursor(inputs);
    while (!s.over) {
      const { dx, dy } = c.next();
      stepTick(s, dx, dy);
    }
    expect(s.score).toBe(score);
    expect(s).toEqual(replay(params, inputs).state);
  });
});
