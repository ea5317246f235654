import { liveHeldMessage, practiceOutcomeMessage } from "../net/messages";
import type { SubmitOutcome } from "../net/types";

/** The game-over line about the score's fate: best and rank, or why there is none. */
export function describeOutcome(
  outcome: SubmitOutcome | null,
  notSavedReason: string | null,
): string {
  if (!outcome) return notSavedReason ?? "Saving your score…";
  switch (outcome.status) {
    case "accepted":
      // Rank 0: not on the board (a round that caught nothing stays off it).
      if (outcome.rank === 0) return "Catch a gift to get on this week's board.";
      return `${isNewBest(outcome) ? "New best! " : ""}Best: ${outcome.best}   Rank: #${outcome.rank}`;
    case "held":
      return liveHeldMessage;
    case "rejected":
      return outcome.message;
    case "practice":
      return practiceOutcomeMessage;
  }
}

/** A new best worth saying so: never a score of 0, whatever the answer said. */
export function isNewBest(outcome: SubmitOutcome): boolean {
  return outcome.status === "accepted" && outcome.newBest && outcome.score > 0;
}

/**
 * What it takes to climb, from the board around the player: "3 more to beat #2 Jolly Elf",
 * or that they lead. Null when the board doesn't show the next player up.
 */
export function gapToNext(
  best: number,
  rank: number,
  around: readonly { rank: number; name: string; score: number; isMe: boolean }[],
): string | null {
  if (rank === 0) return null;
  if (rank === 1) return "You're #1 this week!";
  const ahead = around
    .filter((r) => !r.isMe && r.rank < rank && r.score >= best)
    .sort((a, b) => b.rank - a.rank)[0];
  if (!ahead) return null;
  return `${ahead.score - best + 1} more to beat #${ahead.rank} ${ahead.name}`;
}
