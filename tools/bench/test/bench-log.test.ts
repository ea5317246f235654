import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BenchResult } from "../src/bench";
import {
  appendBenchLog,
  appendRaceLog,
  BENCH_LOG_HEADER,
  benchLogRow,
  RACE_LOG_HEADER,
  RACE_LOG_HEADING,
} from "../src/bench-log";

const cells = (line: string) => line.split("|").length;

describe("the bench log (docs/bench-log.md)", () => {
  const result = {
    machine: { load_avg_1m: 0.4 },
    options: { players: 200, rounds: 2, round_ms: 30_000 },
    calls: [
      { name: "live_round_create", errors: 0, p50: 17.7, p95: 28.1, p99: 44.3 },
      {
        name: "leaderboard write (baseline: client-writable board)",
        errors: 1,
        p50: 3.3,
        p99: 7.3,
      },
    ],
    ratios: { sign_in_throughput_vs_baseline: 0.52, sign_up_throughput_vs_baseline: 0.6 },
  } as unknown as BenchResult;
  const replay = {
    runs: 200,
    duration_ms: 30_000,
    goja_ms_per_replay: 8.48,
    nakama_cpu_ms_per_replay: 11.1,
    node_ms_per_replay: 0.31,
  };
  const row = benchLogRow(result, replay, {
    at: new Date("2026-11-29T16:30:00Z"),
    commit: "abc1234",
  });

  it("writes a run as one row with the header's columns", () => {
    expect(row).toBe(
      "| 2026-11-29 16:30 | abc1234 | 0.4 | 200 × 2 of 30 s | 17.7 / 28.1 / 44.3 | 3.3 / 7.3 | 0.52 | 0.60 | 8.48 | 11.10 | 0.31 | 1 |",
    );
    expect(cells(row)).toBe(cells(BENCH_LOG_HEADER.split("\n").at(-1) ?? ""));
  });

  it("appends, writing the header once", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-log-")), "log.md");
    appendBenchLog(file, row);
    appendBenchLog(file, row);
    expect(fs.readFileSync(file, "utf8")).toBe(`${BENCH_LOG_HEADER}\n${row}\n${row}\n`);
  });

  it("keeps the races' rows in their own section, and the main rows in the main table", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-log-")), "log.md");
    const race =
      "| 2026-12-07 00:50 | abc | 1.0 | 50 | 0 | 0 | 30 | 20 | 1 / 2 | 3 / 4 (100) | 50 |";
    appendBenchLog(file, row);
    appendRaceLog(file, race);
    appendBenchLog(file, row);
    appendRaceLog(file, race);
    expect(fs.readFileSync(file, "utf8")).toBe(
      `${BENCH_LOG_HEADER}\n${row}\n${row}\n\n${RACE_LOG_HEADER}\n${race}\n${race}\n`,
    );
    expect(cells(race)).toBe(cells(RACE_LOG_HEADER.split("\n").at(-1) ?? ""));
  });

  it("the committed log has the same columns", () => {
    const log = fs.readFileSync(path.resolve(__dirname, "../../../docs/bench-log.md"), "utf8");
    expect(log.startsWith(BENCH_LOG_HEADER)).toBe(true);
    const [main = "", races = ""] = log.split(RACE_LOG_HEADING);
    for (const line of main.split("\n").filter((l) => l.startsWith("| 2"))) {
      expect(cells(line), line).toBe(cells(row));
    }
    const raceCells = cells(RACE_LOG_HEADER.split("\n").at(-1) ?? "");
    for (const line of races.split("\n").filter((l) => l.startsWith("| 2")))
      expect(cells(line), line).toBe(raceCells);
  });
});
