/**
 * The game's rules as numbers. The client plays by them and the server bounds plausible
 * scores with them, so they live here, once. Distances are in "world units": the play
 * field is scaled to fit the screen, so rules don't depend on screen size.
 */
export const GameRules = {
  /** One round. The server's round_start hands this out. */
  roundDurationMs: 30_000,
  /** No round lasts longer, whatever ROUND_DURATION_MS says: a stored ticket beyond it is corrupt. */
  maxRoundDurationMs: 10 * 60_000,
  /** The play field, in world units (landscape; portrait screens rotate nothing, they scale). */
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
