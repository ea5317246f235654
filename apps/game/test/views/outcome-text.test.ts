import { describe, expect, it } from "vitest";
import { liveHeldMessage } from "../../src/net/messages";
import { describeOutcome, gapToNext, isNewBest } from "../../src/views/outcome-text";

const row = (rank: number, name: string, score: number, isMe = false) => ({
  rank,
  name,
  score,
  isMe,
});

describe("the gap to the next player", () => {
  it("names the player just above and the points to pass them", () => {
    const around = [row(1, "Top", 40), row(2, "Jolly Elf", 30), row(3, "Me", 28, true)];
    expect(gapToNext(28, 3, around)).toBe("3 more to beat #2 Jolly Elf");
  });

  it("counts a tie as one point short (the earlier score keeps the place)", () => {
    expect(gapToNext(0, 2, [row(1, "Merry Cracker", 0), row(2, "Me", 0, true)])).toBe(
      "1 more to beat #1 Merry Cracker",
    );
  });

  it("says so when the player leads", () => {
    expect(gapToNext(50, 1, [row(1, "Me", 50, true)])).toBe("You're #1 this week!");
  });

  it("is null when the page doesn't show anyone above", () => {
    expect(gapToNext(10, 12, [row(12, "Me", 10, true), row(13, "Low", 9)])).toBeNull();
  });
});

describe("the game-over line", () => {
  const accepted = { status: "accepted" as const, score: 12, best: 12, rank: 3, newBest: true };

  it("says New best for a better score, with the best and the rank", () => {
    expect(describeOutcome(accepted, null)).toBe("New best! Best: 12   Rank: #3");
    expect(describeOutcome({ ...accepted, score: 5, newBest: false }, null)).toBe(
      "Best: 12   Rank: #3",
    );
  });

  it("says a run held for review is being reviewed, in the one wording of it", () => {
    expect(describeOutcome({ status: "held", score: 41 }, null)).toBe(liveHeldMessage);
    expect(liveHeldMessage).toBe("This run is being reviewed before it goes on the board.");
    expect(isNewBest({ status: "held", score: 41 })).toBe(false);
  });

  it("never says New best for 0, and off the board says how to get on it", () => {
    const zero = { ...accepted, score: 0, best: 0, rank: 0 };
    expect(isNewBest(zero)).toBe(false);
    expect(describeOutcome(zero, null)).toBe("Catch a gift to get on this week's board.");
    expect(describeOutcome({ ...zero, rank: 4, best: 9 }, null)).toBe("Best: 9   Rank: #4");
    expect(gapToNext(0, 0, [row(1, "Top", 40)])).toBeNull();
  });
});
