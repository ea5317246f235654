import type { InputRun, RoundParams } from "@gift-grab/simulation";
import type { RunLink } from "../config/run-link";
import type { Replay } from "../net/types";

/** A run to watch: what the simulation needs to play it again, and where to go after. */
export interface WatchData {
  params: RoundParams;
  inputs: InputRun[];
  /** The score the run was saved with: playback ends on it. */
  score: number;
  /** "alice's run", "Your run". */
  title: string;
  /** The scene (and its data) Back returns to. */
  back: { scene: string; data?: object };
  /** A run on this week's board: Watch offers Share (its link, and whose run it is). */
  share?: RunLink & { name: string };
}

/** A stored run (replay_get) as Watch plays it: its params, inputs and score, and how to show it. */
export function watchOf(run: Replay, how: Pick<WatchData, "title" | "back" | "share">): WatchData {
  return {
    params: {
      seed: run.seed,
      duration_ms: run.duration_ms,
      orientation: run.orientation,
      ...(run.rules_version ? { rules_version: run.rules_version } : {}),
    },
    inputs: run.inputs,
    score: run.score,
    ...how,
  };
}

/** Hands out a recorded run's inputs one tick at a time; standing still once they run out. */
export class ReplayCursor {
  private run = 0;
  private used = 0;

  constructor(private readonly inputs: readonly InputRun[]) {}

  next(): { dx: number; dy: number } {
    let current = this.inputs[this.run];
    while (current && this.used >= current[0]) {
      this.run += 1;
      this.used = 0;
      current = this.inputs[this.run];
    }
    if (!current) return { dx: 0, dy: 0 };
    this.used += 1;
    return { dx: current[1], dy: current[2] };
  }
}

/** The playback speeds Watch offers. */
export const WATCH_SPEEDS = [1, 2, 4] as const;
