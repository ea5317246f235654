import { describe, expect, it } from "vitest";
import { scoreCard, weekLabel } from "../../src/views/score-card";

const reset = new Date("2026-12-07T00:00:00Z");

describe("a shared run's card", () => {
  it("shows the name, score, rank and week of a run still on the board", () => {
    expect(
      scoreCard({
        sharedScore: 23,
        run: { name: "Jolly Elf 42", score: 23 },
        rank: 3,
        nextResetAt: reset,
      }),
    ).toEqual({
      card: "Jolly Elf 42\nScore: 23\n#3 this week\nWeek of Mon 30 Nov",
      note: "",
      watchable: true,
    });
    expect(
      scoreCard({ sharedScore: 5, run: { name: "A", score: 5 }, rank: null, nextResetAt: null })
        .card,
    ).toBe("A\nScore: 5\nOn this week's board\nThis week");
  });

  it("says in player words when the run has left the board", () => {
    const beaten = scoreCard({
      sharedScore: 10,
      run: { name: "Snowy Owl 7", score: 14 },
      rank: 1,
      nextResetAt: reset,
    });
    expect(beaten.note).toBe(
      "The run shared (10) has left the board: Snowy Owl 7 beat it with 14.",
    );
    expect(beaten.watchable).toBe(true);
    const lastWeek = scoreCard({
      sharedScore: 10,
      run: { name: "B", score: 4 },
      rank: 2,
      nextResetAt: reset,
    });
    expect(lastWeek.note).toContain("was last week's");
    const gone = scoreCard({ sharedScore: 10, run: null, rank: null, nextResetAt: reset });
    expect(gone).toMatchObject({ watchable: false });
    expect(gone.note).toContain("a new week has started");
  });

  it("names the week by the day it started", () => {
    expect(weekLabel(reset)).toBe("Week of Mon 30 Nov");
  });
});
