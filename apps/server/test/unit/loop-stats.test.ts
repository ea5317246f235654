import { describe, expect, it } from "vitest";
import { createLoopStats, logLoopStats, recordLoop } from "../../src/rounds/live/loop-stats";

function logged(stats: ReturnType<typeof createLoopStats>): string {
  let line = "";
  const logger = {
    info(format: string, ...args: unknown[]) {
      let i = 0;
      line = format.replace(/%[sd]/g, () => String(args[i++]));
    },
  } as unknown as nkruntime.Logger;
  logLoopStats(logger, "m.node", stats);
  return line;
}

describe("a match's loop timing", () => {
  it("counts slow loops and late gaps in the total and in the phase of the loop they delay", () => {
    const s = createLoopStats();
    recordLoop(s, "before", 1_000, 1_001); // the first loop: no gap yet
    recordLoop(s, "before", 1_080, 1_081); // 80 ms after the last: late
    recordLoop(s, "playing", 1_130, 1_137); // 7 ms: slow
    recordLoop(s, "playing", 1_180, 1_182);
    recordLoop(s, "playing", 1_241, 1_242); // 61 ms: late
    recordLoop(s, "after", 1_290, 1_330); // the result written: slow
    expect(s.total).toEqual({ loops: 6, slowLoops: 2, lateGaps: 2, maxLoopMs: 40, maxGapMs: 80 });
    expect(s.before).toEqual({ loops: 2, slowLoops: 0, lateGaps: 1, maxLoopMs: 1, maxGapMs: 80 });
    expect(s.playing).toEqual({ loops: 3, slowLoops: 1, lateGaps: 1, maxLoopMs: 7, maxGapMs: 61 });
    expect(s.after).toEqual({ loops: 1, slowLoops: 1, lateGaps: 0, maxLoopMs: 40, maxGapMs: 49 });
  });

  it("logs the totals first, as the bench reads them, then each phase's", () => {
    const s = createLoopStats();
    recordLoop(s, "before", 1_000, 1_001);
    recordLoop(s, "playing", 1_070, 1_077);
    recordLoop(s, "after", 1_120, 1_121);
    expect(logged(s)).toBe(
      "live round m.node closed: loops=3 slow_loops=1 late_gaps=1 max_loop_ms=7 max_gap_ms=70" +
        " before=1,0,0,1,0 playing=1,1,1,7,70 after=1,0,0,1,50",
    );
  });
});
