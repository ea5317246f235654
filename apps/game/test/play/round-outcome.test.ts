import type { EndMessage } from "@gift-grab/contracts";
import { createRound } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { liveFailedMessage } from "../../src/net/messages";
import { liveGameOver, liveOutcome, practiceGameOver } from "../../src/play/round-outcome";

const end: EndMessage = {
  reason: "completed",
  score: 7,
  gifts: 7,
  powerUpsUsed: 1,
  best: 9,
  rank: 3,
  newBest: false,
  held: false,
  ticksPlayed: 360,
};

describe("game over's data from a round's end", () => {
  it("takes the server's END as the outcome: accepted, held, or failed", () => {
    expect(liveOutcome(end)).toEqual({
      status: "accepted",
      score: 7,
      best: 9,
      rank: 3,
      newBest: false,
    });
    expect(liveOutcome({ ...end, held: true })).toEqual({ status: "held", score: 7 });
    expect(liveOutcome({ ...end, reason: "failed" })).toEqual({
      status: "rejected",
      message: liveFailedMessage,
    });
  });

  it("offers the run just ranked, or the best it didn't beat", () => {
    const result = { score: 7, gifts: 7, powerUpsUsed: 1 };
    const own = (outcome: Parameters<typeof liveGameOver>[1]) =>
      liveGameOver(result, outcome, [], null).watchOwn;
    expect(own({ status: "accepted", score: 7, best: 7, rank: 1, newBest: true })).toBe("run");
    expect(own({ status: "accepted", score: 7, best: 9, rank: 3, newBest: false })).toBe("best");
    expect(own({ status: "accepted", score: 0, best: 0, rank: 0, newBest: false })).toBe(undefined);
    expect(own({ status: "held", score: 7 })).toBe(undefined);
  });

  it("keeps a practice round for Watch with the rules it was played under", () => {
    for (const version of [1, 2] as const) {
      const round = createRound({ seed: 5, durationMs: 6000, orientation: "portrait", version });
      const played = { seed: 5, round, orientation: "portrait" as const, inputs: [] };
      const over = practiceGameOver(played, "why");
      expect(over.notSavedReason).toBe("why");
      expect(over.watch.params).toEqual({
        seed: 5,
        duration_ms: 6000,
        orientation: "portrait",
        rules_version: version,
      });
      expect(over.watch.inputs).toBe(over.result.inputs);
    }
  });
});
