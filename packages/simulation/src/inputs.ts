import * as z from "zod/mini";
import { GameRules, ticksFor } from "./rules";

/**
 * A tick's input is a direction (dx, dy), integers in [-INPUT_MAX, INPUT_MAX]; longer than
 * INPUT_MAX is full speed. Here, not in round.ts, so the inputs' schema (the contracts', on a
 * page's first load) comes without the round's rules.
 */
export const INPUT_MAX = 100;

/**
 * A round's inputs, run-length encoded: `[ticks, dx, dy]` = the direction (dx, dy) held for
 * `ticks` ticks. The ticks of a round's inputs add up to ticksFor(duration_ms).
 */
export type InputRun = [ticks: number, dx: number, dy: number];
export type InputRuns = InputRun[];

/**
 * A bound on entries before anything else is read: the longest round's ticks, one entry each
 * (3,600). A submit is then held to its own round's ticks (inputsIssue: each run is a tick
 * or more, and they add up to the round's).
 */
export const MAX_INPUT_RUNS = ticksFor(GameRules.maxRoundDurationMs);

/**
 * The most characters one run takes in JSON text, `[1,-100,-100],`: what a round's inputs
 * can take at most is MAX_INPUT_RUNS of these.
 */
export const MAX_INPUT_RUN_CHARS = "[1,-100,-100],".length;

/**
 * The shape of the inputs (the sum of ticks is checked against the round: inputsIssue).
 * Checked by one plain loop, not `z.array(z.tuple(…))`: in goja zod's per-element parsing of a
 * round's ~500–1800 runs cost as much as replaying them. The issues are zod's own (same codes,
 * paths like `inputs.3.1`), so describeIssues names the field as for any other schema.
 * Built by a call marked pure, so a bundle that doesn't use it (a match's VM) drops it, and
 * with it zod: esbuild reads the mark on a call, not on a method chain.
 */
export const InputRuns = /* @__PURE__ */ inputRunsSchema();

function inputRunsSchema() {
  return z.custom<InputRuns>().check(
    z.superRefine((value: unknown, ctx) => {
      const issue = (path: (string | number)[], detail: IssueDetail) =>
        ctx.addIssue({ ...detail, path, input: value } as Parameters<typeof ctx.addIssue>[0]);
      if (!Array.isArray(value)) return issue([], { code: "invalid_type", expected: "array" });
      if (value.length > MAX_INPUT_RUNS)
        return issue([], { code: "too_big", origin: "array", maximum: MAX_INPUT_RUNS });
      for (let i = 0; i < value.length; i++) {
        const run: unknown = value[i];
        if (!Array.isArray(run)) return issue([i], { code: "invalid_type", expected: "tuple" });
        if (run.length > 3) return issue([i], { code: "too_big", origin: "array", maximum: 3 });
        if (run.length < 3) return issue([i], { code: "too_small", origin: "array", minimum: 3 });
        for (let j = 0; j < 3; j++) {
          const v: unknown = run[j];
          if (typeof v !== "number" || !Number.isInteger(v))
            return issue([i, j], { code: "invalid_type", expected: "int" });
          const min = j === 0 ? 1 : -INPUT_MAX;
          if (v < min) return issue([i, j], { code: "too_small", origin: "number", minimum: min });
          if (j > 0 && v > INPUT_MAX)
            return issue([i, j], { code: "too_big", origin: "number", maximum: INPUT_MAX });
        }
      }
    }),
  );
}

type IssueDetail =
  | { code: "invalid_type"; expected: string }
  | { code: "too_big"; origin: string; maximum: number }
  | { code: "too_small"; origin: string; minimum: number };

// Indexed loops here: the server runs these on every submit, and goja's for-of is slow.

export function totalTicks(runs: readonly InputRun[]): number {
  let n = 0;
  for (let i = 0; i < runs.length; i++) n += (runs[i] as InputRun)[0];
  return n;
}

/** Why these inputs can't be a round of `durationMs`, or null when they can. */
export function inputsIssue(runs: readonly InputRun[], durationMs: number): string | null {
  const want = ticksFor(durationMs);
  const got = totalTicks(runs);
  return got === want ? null : `the ticks add up to ${got}, the round has ${want}`;
}

/** Records one tick's input, extending the last run when the direction is unchanged. */
export function appendInput(runs: InputRuns, dx: number, dy: number): void {
  const last = runs[runs.length - 1];
  if (last && last[1] === dx && last[2] === dy) last[0] += 1;
  else runs.push([1, dx, dy]);
}

/** The same inputs with equal neighbours merged: one encoding per sequence of ticks. */
export function canonicalInputs(runs: readonly InputRun[]): InputRuns {
  const out: InputRuns = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as InputRun;
    const last = out[out.length - 1];
    if (last && last[1] === run[1] && last[2] === run[2]) last[0] += run[0];
    else out.push([run[0], run[1], run[2]]);
  }
  return out;
}

/** A device's direction (components in [-1, 1], length up to 1) as a tick's integer input. */
export function quantizeInput(x: number, y: number): { dx: number; dy: number } {
  const q = (v: number) =>
    Math.max(-INPUT_MAX, Math.min(INPUT_MAX, Math.round(v * INPUT_MAX))) || 0;
  return { dx: q(x), dy: q(y) };
}
