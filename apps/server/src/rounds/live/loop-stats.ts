import { LiveTiming } from "@gift-grab/contracts";

/**
 * How a match's loop kept time, logged once when the match closes (an operator's line, and
 * what the bench reads): loops, loops slower than SLOW_LOOP_MS, gaps between loops longer
 * than the nominal interval by more than 20 % (Nakama drops a late tick rather than queue
 * it). Date.now() is the only clock in goja: whole milliseconds.
 */
export const SLOW_LOOP_MS = 5;
const NOMINAL_MS = 1000 / LiveTiming.loopHz;
const LATE_GAP_MS = NOMINAL_MS * 1.2;

export interface LoopStats {
  loops: number;
  slowLoops: number;
  lateGaps: number;
  maxLoopMs: number;
  maxGapMs: number;
  lastStart: number;
}

export function createLoopStats(): LoopStats {
  return { loops: 0, slowLoops: 0, lateGaps: 0, maxLoopMs: 0, maxGapMs: 0, lastStart: 0 };
}

export function recordLoop(s: LoopStats, start: number, end: number): void {
  const took = end - start;
  s.loops += 1;
  if (took > SLOW_LOOP_MS) s.slowLoops += 1;
  if (took > s.maxLoopMs) s.maxLoopMs = took;
  if (s.lastStart > 0) {
    const gap = start - s.lastStart;
    if (gap > LATE_GAP_MS) s.lateGaps += 1;
    if (gap > s.maxGapMs) s.maxGapMs = gap;
  }
  s.lastStart = start;
}

export function logLoopStats(logger: nkruntime.Logger, matchId: string, s: LoopStats): void {
  logger.info(
    "live round %s closed: loops=%d slow_loops=%d late_gaps=%d max_loop_ms=%d max_gap_ms=%d",
    matchId,
    s.loops,
    s.slowLoops,
    s.lateGaps,
    s.maxLoopMs,
    s.maxGapMs,
  );
}
