import type * as Phaser from "phaser";

/**
 * How a round runs: live on the server's clock and a 3-2-1 countdown unless told otherwise.
 * Only the test build tunes a round; a tuned seed or speed plays a practice round (the
 * server's rounds have its own seed and clock).
 */
export interface RoundTuning {
  /** Deals a practice round on this seed. */
  seed: number | null;
  /** Game-time multiplier (practice rounds only). */
  speed: number;
  /** The 3-2-1 before a round, in game milliseconds (0 skips it). */
  countdownMs: number;
}

/**
 * What the entry tells the scenes before the game boots. The production entry (src/main.ts)
 * tells nothing, so a player's rounds always run on the defaults; the test build's entry
 * (test-entry/main.ts) sets them from its URL switches and adds its bench round.
 */
export interface LaunchOptions {
  round: RoundTuning;
  /** Where Boot goes once the net is ready, instead of restoring the session. */
  afterBoot: { scene: string; data?: object } | null;
  /** Net timings over config.json's, as a `name:ms,name:ms` list (config/net-timings.ts). */
  timings: string | null;
}

export const defaultLaunchOptions: LaunchOptions = {
  round: { seed: null, speed: 1, countdownMs: 3000 },
  afterBoot: null,
  timings: null,
};

const KEY = "launch-options";

export function setLaunchOptions(game: Phaser.Game, options: LaunchOptions): void {
  game.registry.set(KEY, options);
}

export function launchOptions(scene: Phaser.Scene): LaunchOptions {
  return (scene.registry.get(KEY) as LaunchOptions | undefined) ?? defaultLaunchOptions;
}

/** A round tuned by the test build's switches: played as practice, never live. */
export function tunedRound(tuning: RoundTuning): boolean {
  return tuning.seed !== null || tuning.speed !== 1;
}
