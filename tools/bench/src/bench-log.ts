// The bench's results log: docs/bench-log.md, committed, one table row appended per
// `npm run bench` run. The figures docs/performance.md quotes come from its rows; the full
// results of a run stay in bench/results/*.json (not committed).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BenchResult } from "./bench";
import type { measureRaces } from "./races";
import type { ReplayCost } from "./replay-cost";

export const BENCH_LOG_HEADER = [
  "# Bench log",
  "",
  "One row per `npm run bench` run, appended by the bench (tools/bench/src/bench-log.ts). Ratios",
  "are against the baseline stack in the same run; wall times depend on the machine's load.",
  "",
  "| date (UTC) | commit | load avg | players × rounds | round call p50 / p95 / p99 ms (round_submit; live_round_create from 2026-12-07) | baseline write p50 / p99 ms | sign-in ratio | sign-up ratio | goja ms / replay | Nakama CPU ms / replay | Node ms / replay | errors |",
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
  const submit = call("live_round_create");
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

/** The races' table (`bench:races`), a section of its own after the main table. */
export const RACE_LOG_HEADING = "## Races (`bench:races`)";
export const RACE_LOG_HEADER = [
  RACE_LOG_HEADING,
  "",
  "One row per `pnpm --filter @gift-grab/bench bench:races` run (tools/bench/src/races.ts): 4 socket",
  "players a race; the largest passing count, the CPU at the last count run, time to a match. From",
  "2026-12-07 18:20 (branch loop-phase) the races arrive over 5 s, the loop cells are the playing",
  "loops' (every loop's in brackets, as the rows before counted them) and the CPU is while all play.",
  "",
  "| date (UTC) | commit | load avg before | races × 4 (last run) | slow loops % | late gaps % | server CPU % | bots CPU % | B/s per player down / up (payload) | time to a match p50 / p99 ms (searchers) | capacity races_4p |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
].join("\n");

type RaceResult = Awaited<ReturnType<typeof measureRaces>>;

export function raceLogRow(r: RaceResult, run: { at: Date; commit: string }): string {
  const last = r.runs.at(-1);
  const m = r.matchmaking;
  return `| ${[
    run.at.toISOString().slice(0, 16).replace("T", " "),
    run.commit,
    last?.load_before.split(" ")[0] ?? "-",
    last ? `${last.races}${last.ok ? "" : " (failed)"}` : "-",
    last ? `${last.slow_loop_pct.toFixed(2)} (all ${last.all.slow_loop_pct.toFixed(2)})` : "-",
    last ? `${last.late_gap_pct.toFixed(2)} (all ${last.all.late_gap_pct.toFixed(2)})` : "-",
    last ? last.server_cpu_pct.toFixed(0) : "-",
    last ? last.bots_cpu_pct.toFixed(0) : "-",
    last ? `${last.payload_down_b_s.toFixed(0)} / ${last.payload_up_b_s.toFixed(0)}` : "-",
    `${m.p50_ms.toFixed(0)} / ${m.p99_ms.toFixed(0)} (${m.searchers})`,
    String(r.capacity),
  ].join(" | ")} |`;
}

/** The text with `row` after the table that begins at or after `from` (its last `|` line). */
function insertAfterTable(text: string, from: number, row: string): string {
  const lines = text.split("\n");
  let i = text.slice(0, from).split("\n").length - 1;
  while (i < lines.length && !lines[i]?.startsWith("|")) i++;
  while (i < lines.length && lines[i]?.startsWith("|")) i++;
  lines.splice(i, 0, row);
  return lines.join("\n");
}

/** Appends a row to the main table, writing the header first if the file is new. */
export function appendBenchLog(file: string, row: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${BENCH_LOG_HEADER}\n`);
  fs.writeFileSync(file, insertAfterTable(fs.readFileSync(file, "utf8"), 0, row));
}

/** Appends a row to the races' table, writing its section at the end first if it has none. */
export function appendRaceLog(file: string, row: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${BENCH_LOG_HEADER}\n`);
  let text = fs.readFileSync(file, "utf8");
  if (!text.includes(RACE_LOG_HEADING))
    text = `${text.replace(/\n*$/, "\n")}\n${RACE_LOG_HEADER}\n`;
  fs.writeFileSync(file, insertAfterTable(text, text.indexOf(RACE_LOG_HEADING), row));
}
