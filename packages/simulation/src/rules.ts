/**
 * The game's rules as numbers, read by the simulation the client plays and the server
 * replays. Distances are in "world units" (the field is scaled to fit the screen), speeds
 * in units per second, times in ms; round.ts turns them into integers per tick once.
 */
export const GameRules = {
  /** One round, unless the server's ROUND_DURATION_MS says another. */
  roundDurationMs: 30_000,
  /**
   * No round lasts longer, whatever ROUND_DURATION_MS says: a stored replay beyond it is
   * corrupt. It bounds what a round's inputs may hold (MAX_INPUT_RUNS) and so the size of a
   * replay the server keeps: twice the game's round, for tests and tuning.
   */
  maxRoundDurationMs: 60_000,
  /** The play field, in world units (landscape; tall screens play it turned: see fieldFor). */
  world: { width: 1280, height: 720 },
  santa: {
    /** Collision radius. */
    radius: 38,
    /** Base speed, world units per second. */
    speed: 420,
  },
  gift: {
    radius: 28,
    /** A new gift never spawns closer than this to Santa (so grabs take real movement). */
    minSpawnDistance: 220,
  },
  ice: {
    count: 2,
    radius: 34,
    speed: 260,
    freezeMs: 3_000,
    /** After thawing, ice can't re-freeze Santa for this long (time to step away). */
    thawGraceMs: 600,
  },
  /**
   * Rules version 2 (RULES_VERSION): a spawn's place is drawn this long before it is on the
   * field (the next gift at a grab, a power-up before its time), so a live round can show it
   * on time (docs/realtime.md "What is revealed, and when"). 400 ms = 24 ticks.
   */
  spawnLeadMs: 400,
  powerUps: {
    radius: 30,
    speed: 200,
    /** Each power-up appears once per round, at a random time within this window. */
    spawnWindowMs: [3_000, 20_000] as const,
    flameMs: 10_000,
    cookieMs: 10_000,
    cookieSpeedMultiplier: 2,
  },
} as const;

/** The simulation advances in fixed ticks of 1000/60 ms, whatever the frame rate. */
export const TICKS_PER_SECOND = 60;

/** A round of `durationMs` lasts this many ticks (the inputs of a replay add up to it). */
export function ticksFor(durationMs: number): number {
  return Math.round((durationMs * TICKS_PER_SECOND) / 1000);
}

/**
 * The rules' versions: 1, every spawn appears the tick its place is drawn (runs stored before
 * version 2); 2, it appears `spawnLeadMs` later. A stored run says which it was played under
 * (absent: 1); what players play now is RULES_VERSION.
 */
export type RulesVersion = 1 | 2;
export const RULES_VERSION: RulesVersion = 2;

/** Ticks from a spawn's draw to its appearance under a rules version (0 in version 1). */
export function spawnLeadTicks(version: RulesVersion, rules: { spawnLeadMs: number } = GameRules) {
  return version === 1 ? 0 : ticksFor(rules.spawnLeadMs);
}
