import { describe, expect, it } from "vitest";
import { describeOutcome } from "../../src/views/outcome-text";
import { formatAgo, formatDuration } from "../../src/views/time-format";

describe("time wording", () => {
  it("formats durations and ages", () => {
    expect(formatDuration(75_000)).toBe("1 min 15 s");
    expect(formatDuration(7_500_000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400_000)).toBe("3 d 0 h");
    expect(formatDuration(-5)).toBe("0 s");
    expect(formatAgo(30_000)).toBe("just now");
    expect(formatAgo(12 * 60_000)).toBe("12 min ago");
    expect(formatAgo(3 * 3_600_000)).toBe("3 h ago");
  });
});

describe("game-over outcome line", () => {
  it("says best and rank, or why there is none", () => {
    expect(
      describeOutcome({ status: "accepted", score: 5, best: 7, rank: 3, newBest: false }, null),
    ).toBe("Best: 7   Rank: #3");
    expect(
      describeOutcome({ status: "accepted", score: 9, best: 9, rank: 1, newBest: true }, null),
    ).toMatch(/^New best!/);
    expect(describeOutcome({ status: "rejected", message: "Too late." }, null)).toBe("Too late.");
    expect(describeOutcome(null, "Not saved.")).toBe("Not saved.");
  });
});
