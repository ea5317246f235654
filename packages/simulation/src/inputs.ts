import * as z from "zod/mini";
import { INPUT_MAX } from "./round";
import { ticksFor } from "./rules";

/**
 * A round's inputs, run-length encoded: `[ticks, dx, dy]` = the direction (dx, dy) held for
 * `ticks` ticks. The ticks of a round's inputs add up to ticksFor(duration_ms).
 */
export type InputRun = [ticks: number, dx: number, dy: number];
export type InputRuns = InputRun[];

/** A bound on entries before anything else is read: ten minutes of ticks, one entry each. */
export const MAX_INPUT_RUNS = 36_000;

const direction = z.int().check(z.gte(-INPUT_MAX), z.lte(INPUT_MAX));

/** The shape of the inputs (the sum of ticks is checked against the round: inputsIssue). */
export const InputRuns = z
  .array(z.tuple([z.int().check(z.gte(1)), direction, direction]))
  .check(z.maxLength(MAX_INPUT_RUNS));

export function totalTicks(runs: readonly InputRun[]): number {
  let n = 0;
  for (const [ticks] of runs) n += ticks;
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
  for (const [ticks, dx, dy] of runs) {
    const last = out[out.length - 1];
    if (last && last[1] === dx && last[2] === dy) last[0] += ticks;
    else out.push([ticks, dx, dy]);
  }
  return out;
}

/** A device's direction (components in [-1, 1], length up to 1) as a tick's integer input. */
export function quantizeInput(x: number, y: number): { dx: number; dy: number } {
  const q = (v: number) =>
    Math.max(-INPUT_MAX, Math.min(INPUT_MAX, Math.round(v * INPUT_MAX))) || 0;
  return { dx: q(x), dy: q(y) };
}
