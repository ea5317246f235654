import { describe, expect, it } from "vitest";
import { formatAbuse, runAbuse } from "../src/abuse";
import { formatTable, runBench } from "../src/bench";
import { formatLiveRounds, measureLiveRounds } from "../src/live-rounds";
import { formatReplayCost, measureReplayCost } from "../src/replay-cost";

// The smoke-sized bench that npm test runs: the whole flow works on the real stack with no
// errors. Numbers are printed, never asserted (timing belongs to `npm run bench`).
describe("bench smoke", () => {
  it("runs every phase on both stacks without errors", async () => {
    const result = await runBench({
      players: 8,
      sockets: 20,
      rounds: 1,
      roundMs: 500,
      log: () => {},
    });
    console.log(formatTable(result));
    for (const call of result.calls) {
      expect(call.errors, `${call.name}: ${call.first_error}`).toBe(0);
    }
    const byName = Object.fromEntries(result.calls.map((c) => [c.name, c.calls]));
    expect(byName.live_round_create).toBe(8);
    expect(byName["leaderboard write (baseline: client-writable board)"]).toBe(8);
    expect(result.sockets.open).toBe(20);
  });
});

describe("replay cost smoke", () => {
  it("times replays in goja and in Node", async () => {
    const cost = await measureReplayCost({ runs: 40, durationMs: 5_000 });
    console.log(formatReplayCost(cost));
    expect(cost.goja_ms_per_replay).toBeGreaterThanOrEqual(0);
    expect(cost.node_ms_per_replay).toBeGreaterThan(0);
  });
});

describe("live rounds smoke", () => {
  it("plays live rounds over raw sockets and reads every match's loop timing from the log", async () => {
    const live = await measureLiveRounds({
      counts: [3],
      roundMs: 2_000,
      arriveMs: 300,
      creationProbes: 5,
      log: () => {},
    });
    console.log(formatLiveRounds(live));
    const [run] = live.runs;
    expect(run?.completed).toBe(3);
    expect(run?.matches_logged).toBe(3);
    // Every match's line carries its phases: each round played, and its END loop was counted.
    expect(run?.phases.playing.loops).toBeGreaterThan(0);
    expect(run?.phases.after.loops).toBeGreaterThanOrEqual(3);
    // Every probe opened a match. Its cost is a difference of two calls' wall times, the
    // bench's to report: on a busy machine one probe's can come out below zero.
    expect(live.creation.matches).toBe(5);
    expect(Number.isFinite(live.creation.ms_per_match)).toBe(true);
    expect(run?.bytes_in_per_s).toBeGreaterThan(0);
  });
});

describe("abuse smoke", () => {
  // That the limits refuse is tested in apps/server (rate-limits.test.ts), not timed here.
  it("runs the honest players alone and under both attackers", async () => {
    const result = await runAbuse({
      attackSec: 2,
      roundMs: 1_000,
      honest: 4,
      attackConcurrency: 4,
      log: () => {},
    });
    console.log(formatAbuse(result));
    for (const call of [...result.alone, ...result.attacks.flatMap((a) => a.calls)]) {
      expect(call.errors, `${call.name}: ${call.first_error}`).toBe(0);
      expect(call.calls, call.name).toBe(4);
    }
    expect(result.attacks.map((a) => a.name)).toEqual(["one_account", "fresh_guests"]);
    for (const attack of result.attacks) {
      expect(attack.sent, attack.name).toBeGreaterThan(0);
      expect(Object.keys(attack.ratios)).toHaveLength(3);
    }
  });
});
