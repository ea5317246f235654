import { LiveTiming } from "@gift-grab/contracts";

/**
 * How a match's loop kept time, logged once when the match closes (an operator's line, and
 * what the bench reads): loops, loops slower than SLOW_LOOP_MS, gaps between loops longer
 * than the nominal interval by more than 20 % (Nakama drops a late tick rather than queue
 * it). Date.now() is the only clock in goja: whole milliseconds.
 *
 * The totals are split by the round's phase after the loop, so a late loop can be told
 * apart by what the server was doing: `before` tick 0 (a lobby, the wait for the seats, the
 * countdown), `playing`, and `after` (the loop that ends the round and writes its result, then
 * the linger). A gap counts in the phase of the loop it delays.
 */
export const SLOW_LOOP_MS = 5;
const NOMINAL_MS = 1000 / LiveTiming.loopHz;
const LATE_GAP_MS = NOMINAL_MS * 1.2;

export type LoopPhase = "before" | "playing" | "after";
export const LOOP_PHASES: readonly LoopPhase[] = ["before", "playing", "after"];

export interface PhaseLoops {
  loops: number;
  slowLoops: number;
  lateGaps: number;
  maxLoopMs: number;
  maxGapMs: number;
}

export interface LoopStats {
  total: PhaseLoops;
  before: PhaseLoops;
  playing: PhaseLoops;
  after: PhaseLoops;
  lastStart: number;
}

function phaseLoops(): PhaseLoops {
  return { loops: 0, slowLoops: 0, lateGaps: 0, maxLoopMs: 0, maxGapMs: 0 };
}

export function createLoopStats(): LoopStats {
  return {
    total: phaseLoops(),
    before: phaseLoops(),
    playing: phaseLoops(),
    after: phaseLoops(),
    lastStart: 0,
  };
}

function add(p: PhaseLoops, took: number, gap: number) {
  p.loops += 1;
  if (took > SLOW_LOOP_MS) p.slowLoops += 1;
  if (took > p.maxLoopMs) p.maxLoopMs = took;
  if (gap > LATE_GAP_MS) p.lateGaps += 1;
  if (gap > p.maxGapMs) p.maxGapMs = gap;
}

export function recordLoop(s: LoopStats, phase: LoopPhase, start: number, end: number): void {
  const took = end - start;
  const gap = s.lastStart > 0 ? start - s.lastStart : 0;
  add(s.total, took, gap);
  add(s[phase], took, gap);
  s.lastStart = start;
}

/** `loops,slow,late,max_loop_ms,max_gap_ms`: one phase's figures in the closing line. */
function phaseField(p: PhaseLoops): string {
  return `${p.loops},${p.slowLoops},${p.lateGaps},${p.maxLoopMs},${p.maxGapMs}`;
}

export function logLoopStats(logger: nkruntime.Logger, matchId: string, s: LoopStats): void {
  logger.info(
    "live round %s closed: loops=%d slow_loops=%d late_gaps=%d max_loop_ms=%d max_gap_ms=%d before=%s playing=%s after=%s",
    matchId,
    s.total.loops,
    s.total.slowLoops,
    s.total.lateGaps,
    s.total.maxLoopMs,
    s.total.maxGapMs,
    phaseField(s.before),
    phaseField(s.playing),
    phaseField(s.after),
  );
}
