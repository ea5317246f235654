import { practiceOutcomeMessage } from "../net/messages";
import type { SubmitOutcome } from "../net/types";

/** The game-over line about the score's fate: best and rank, queued, or why it was refused. */
export function describeOutcome(
  outcome: SubmitOutcome | null,
  notSavedReason: string | null,
): string {
  if (!outcome) return notSavedReason ?? "Saving your score…";
  switch (outcome.status) {
    case "accepted":
      return `${outcome.newBest ? "New best! " : ""}Best: ${outcome.best}   Rank: #${outcome.rank}`;
    case "queued":
      return "Saved — will be sent when you're back online.";
    case "rejected":
      return outcome.message;
    case "practice":
      return practiceOutcomeMessage;
  }
}

/** A submission that never rejects: an unexpected failure becomes a refusal the player reads. */
export function settledOutcome(submission: Promise<SubmitOutcome>): Promise<SubmitOutcome> {
  return submission.catch((err: unknown) => ({
    status: "rejected" as const,
    message: err instanceof Error ? err.message : "Could not save the score.",
  }));
}
