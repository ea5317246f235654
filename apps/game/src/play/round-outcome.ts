import type { EndMessage } from "@gift-grab/contracts";
import {
  type InputRuns,
  type Orientation,
  type RoundState,
  ticksToMs,
} from "@gift-grab/simulation";
import { liveFailedMessage } from "../net/messages";
import type { SubmitOutcome } from "../net/types";
import type { LivePlay } from "./live/live-play";
import type { WatchData } from "./watch";

/** What a round scored, as game over shows it. */
export interface RoundResult {
  score: number;
  gifts: number;
  powerUpsUsed: number;
}

/** The server's END: its score is the score. */
export function liveOutcome(end: EndMessage): SubmitOutcome {
  return end.reason === "failed"
    ? { status: "rejected", message: liveFailedMessage }
    : end.held
      ? { status: "held", score: end.score }
      : {
          status: "accepted",
          score: end.score,
          best: end.best,
          rank: end.rank,
          newBest: end.newBest,
        };
}

/** Game over after a live round: the server's outcome, and how far the prediction was off. */
export function liveGameOver(
  result: RoundResult,
  outcome: SubmitOutcome,
  inputs: InputRuns,
  live: LivePlay | null,
) {
  return {
    result: { ...result, inputs },
    submission: Promise.resolve(outcome),
    notSavedReason: null,
    watchOwn:
      outcome.status === "accepted" && outcome.rank > 0
        ? outcome.newBest
          ? ("run" as const)
          : ("best" as const)
        : undefined,
    live: {
      largestCorrection: live?.prediction.largestCorrection ?? 0,
      largestStep: live?.prediction.largestStep ?? 0,
      snaps: live?.prediction.snaps ?? 0,
      largestFill: live?.prediction.largestFill ?? 0,
    },
  };
}

/** Game over after a practice round: nothing is ranked; Watch replays it here. */
export function practiceGameOver(
  played: { seed: number; round: RoundState; orientation: Orientation; inputs: InputRuns },
  notSavedReason: string | null,
) {
  const { round, inputs } = played;
  const result = {
    score: round.score,
    gifts: round.gifts,
    powerUpsUsed: round.powerUpsUsed,
    inputs,
  };
  const watch: WatchData = {
    params: {
      seed: played.seed,
      duration_ms: ticksToMs(round.ticks),
      orientation: played.orientation,
      rules_version: round.spawnLead > 0 ? 2 : 1,
    },
    inputs,
    score: result.score,
    title: "Your run",
    back: { scene: "Menu" },
  };
  const submission = Promise.resolve<SubmitOutcome>({ status: "practice" });
  return { result, submission, notSavedReason, watch };
}
