import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The file that waits out the longest real clock starts first, or it ends the run late (the
 * leaderboard once played thirty 60 s rounds; it plants its board now, and still starts first:
 * its Nakama restart and one live round are its own clock). Vitest orders by the last run's durations
 * when it has them, by file size when it doesn't (a fresh clone), which would start it late.
 * (Starting the CPU-bound determinism file first too was measured worse on a busy machine: its
 * goja replays then overlap the bcrypt races, whose requests outran the client's timeout.)
 */
const LONGEST_FIRST = ["test/integration/leaderboard.test.ts"];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
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
          // Files share the CPU with each other (see maxWorkers): a CPU-bound test (bcrypt
          // sign-up races, goja replays) can take twice what it takes alone.
          testTimeout: 60000,
          hookTimeout: 120000,
          // Files run in parallel, four at a time. The run is mostly waiting on real clocks
          // (rounds, lifetimes, restarts), so more files than cores pay: on 2 cores, quiet,
          // 72 s against 246 s one after another (then the leaderboard's 69 s was the floor); with
          // load 9-16 from other work, 4 workers 101 s, 6 96 s, 8 91-105 s. Past 4 the
          // CPU-heavy files (bcrypt sign-up races, goja replays) starve each other: at 8, the
          // bcrypt races outran their timeout. A file that needs
          // another config, a restart or a stopped Postgres has a stack of its own
          // (own-stack.ts); the others share the global one, each with users of its own, and
          // none checks anything global (no shared limits or counters).
          maxWorkers: 4,
          // Its own group: a maxWorkers of its own may not share one with the unit project.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
