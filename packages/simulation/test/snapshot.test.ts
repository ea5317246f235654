import { describe, expect, it } from "vitest";
import { createRound, playInputs, restoreState, saveState, stateHash } from "../src";
import { playBot } from "../src/bot";

describe("saving and restoring a round's state", () => {
  it("goes back to exactly the saved state, mid-round, with power-ups out", () => {
    const params = { seed: 77, duration_ms: 30_000, orientation: "portrait" as const };
    const { inputs } = playBot(params, { seed: 5 });
    const s = createRound({
      seed: params.seed,
      durationMs: params.duration_ms,
      orientation: params.orientation,
    });
    const saved: number[] = [];
    for (const run of inputs) {
      saveState(s, saved);
      const before = stateHash(s);
      playInputs(s, [run], null);
      const after = stateHash(s);
      restoreState(s, saved);
      expect(stateHash(s)).toBe(before);
      playInputs(s, [run], null);
      expect(stateHash(s)).toBe(after);
    }
    expect(s.powerUps.some((p) => p.state !== "waiting")).toBe(true);
  });
});
