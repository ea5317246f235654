import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The file that waits out the longest real clock starts first: it is the integration run's
 * floor (the leaderboard plays 60 s rounds: see its header), and started late it would end
 * late. Vitest orders by the last run's durations when it has them, by file size when it
 * doesn't (a fresh clone); this makes the fresh order the right one too.
 */
const LONGEST_WAIT = "test/integration/leaderboard.test.ts";

class LongestWaitFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => f.moduleId.endsWith(LONGEST_WAIT);
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestWaitFirst },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 30000,
          hookTimeout: 120000,
          // Files run in parallel, four at a time. The run is mostly waiting on real clocks
          // (rounds, lifetimes, restarts), so more files than cores pay: measured on 2 cores
          // (load 10-15 from other work), 2 workers ~2x slower than 4. Past 4 the CPU-heavy
          // files (bcrypt sign-ups, goja replays) starve: at 8, bcrypt races outran their 30 s
          // timeout. Files needing another config, a restart or a stopped Postgres start a
          // stack of their own (own-stack.ts); the rest share the global one with users of
          // their own, and nothing they check is global (no shared limits or counters).
          maxWorkers: Number(process.env.IT_WORKERS ?? 4),
          // Its own group: a maxWorkers of its own may not share one with the unit project.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
