/** What a shared run's card says, from replay_get's answer and the board (pure). */

export interface ScoreCardInput {
  /** The score the link was shared with. */
  sharedScore: number;
  /** The run the board holds for that player now; null when they have none this week. */
  run: { name: string; score: number } | null;
  /** Their rank this week, when the board's first page shows them. */
  rank: number | null;
  /** When this week's board starts again. */
  nextResetAt: Date | null;
}

export interface ScoreCard {
  /** The card: name, score, rank and week. */
  card: string;
  /** What happened to the shared run since, in a player's words; "" when it is on the board. */
  note: string;
  /** A run to watch (the shared one, or the one that replaced it). */
  watchable: boolean;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** "Week of Mon 1 Dec": the week the board counts, from when it starts again. */
export function weekLabel(nextResetAt: Date): string {
  const start = new Date(nextResetAt.getTime() - WEEK_MS);
  const day = start.toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    // The board's week turns at midnight UTC.
    timeZone: "UTC",
  });
  return `Week of ${day}`;
}

export function scoreCard({ sharedScore, run, rank, nextResetAt }: ScoreCardInput): ScoreCard {
  const week = nextResetAt ? weekLabel(nextResetAt) : "This week";
  if (!run) {
    return {
      card: `Score: ${sharedScore}`,
      note: "This run has left the board: a new week has started. Play to set a score this week!",
      watchable: false,
    };
  }
  const place = rank ? `#${rank} this week` : "On this week's board";
  const card = `${run.name}\nScore: ${run.score}\n${place}\n${week}`;
  if (run.score === sharedScore) return { card, note: "", watchable: true };
  const note =
    run.score > sharedScore
      ? `The run shared (${sharedScore}) has left the board: ${run.name} beat it with ${run.score}.`
      : `The run shared (${sharedScore}) was last week's. This is ${run.name}'s best this week.`;
  return { card, note, watchable: true };
}
