// The bench's results log: docs/bench-log.md, committed, one table row appended per
// `npm run bench` run. The figures docs/performance.md quotes come from its rows; the full
// results of a run stay in bench/results/*.json (not committed).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BenchResult } from "./bench";
import type { ReplayCost } from "./replay-cost";

export const BENCH_LOG_HEADER = [
  "# Bench log",
  "",
  "One row per `npm run bench` run, appended by the bench (tools/bench/src/bench-log.ts). Ratios",
  "are against the baseline stack in the same run; wall times depend on the machine's load.",
  "",
  "| date (UTC) | commit | load avg | players × rounds | round_submit p50 / p95 / p99 ms | baseline write p50 / p99 ms | sign-in ratio | sign-up ratio | goja ms / replay | Nakama CPU ms / replay | Node ms / replay | errors |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
].join("\n");

const ms = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n.toFixed(1) : "-");
const ratio = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "-");

/** One row of the log for a run. */
export function benchLogRow(
  r: BenchResult,
  replay: ReplayCost,
  run: { at: Date; commit: string },
): string {
  const call = (name: string) => r.calls.find((c) => c.name.startsWith(name));
  const submit = call("round_submit");
  const write = call("leaderboard write (baseline");
  const errors = r.calls.reduce((n, c) => n + c.errors, 0);
  return `| ${[
    run.at.toISOString().slice(0, 16).replace("T", " "),
    run.commit,
    r.machine.load_avg_1m.toFixed(1),
    `${r.options.players} × ${r.options.rounds} of ${r.options.round_ms / 1000} s`,
    `${ms(submit?.p50)} / ${ms(submit?.p95)} / ${ms(submit?.p99)}`,
    `${ms(write?.p50)} / ${ms(write?.p99)}`,
    ratio(r.ratios.sign_in_throughput_vs_baseline),
    ratio(r.ratios.sign_up_throughput_vs_baseline),
    replay.goja_ms_per_replay.toFixed(2),
    replay.nakama_cpu_ms_per_replay.toFixed(2),
    replay.node_ms_per_replay.toFixed(2),
    String(errors),
  ].join(" | ")} |`;
}

/** The checkout's commit, with "+" when it has uncommitted changes. */
export function currentCommit(repoRoot: string): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  try {
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? "+" : ""}`;
  } catch {
    return "?";
  }
}

/** Appends a row to the log, writing its header first if the file is new. */
export function appendBenchLog(file: string, row: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${BENCH_LOG_HEADER}\n`);
  fs.appendFileSync(file, `${row}\n`);
}
