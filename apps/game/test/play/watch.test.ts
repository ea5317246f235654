import { replayGet } from "@gift-grab/contracts";
import { createRound, replay, stepTick } from "@gift-grab/simulation";
import { playBot } from "@gift-grab/simulation/bot";
import { describe, expect, it } from "vitest";
import { ReplayCursor, watchOf } from "../../src/play/watch";

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

  it.each([
    [1, undefined],
    [2, 2 as const],
  ])(
    "plays a stored run under its rules (version %i), to the score it was stored with",
    (v, stored) => {
      const params = {
        seed: 7,
        duration_ms: 15_000,
        orientation: "landscape" as const,
        ...(stored ? { rules_version: stored } : {}),
      };
      const { inputs, score } = playBot(params, { seed: 5 });
      const data = watchOf(
        replayGet.response.parse({
          ...params,
          owner_id: "u",
          username: "alice",
          inputs,
          score,
          gifts: score,
          power_ups_used: 0,
          played_at: 1,
        }),
        { title: "alice's run", back: { scene: "Leaderboard" } },
      );
      const version = data.params.rules_version ?? 1;
      expect(version).toBe(v);
      const s = createRound({ seed: 7, durationMs: 15_000, version });
      const c = new ReplayCursor(data.inputs);
      while (!s.over) {
        const { dx, dy } = c.next();
        stepTick(s, dx, dy);
      }
      expect(s.score).toBe(score);
      expect(s.spawnLead > 0).toBe(v === 2);
    },
  );
});
