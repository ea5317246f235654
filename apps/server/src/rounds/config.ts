import { LIMITS, limitValue } from "@gift-grab/contracts";
import { GameRules } from "@gift-grab/simulation";

/**
 * Round settings from runtime.env (infra/nakama/local.yml), so test stacks can run short
 * rounds and tight limits. Missing or malformed values fall back to the defaults.
 */
export interface RoundConfig {
  /** ROUND_DURATION_MS: how long a live round lasts (rounds/live/config.ts). */
  durationMs: number;
  /** ROUND_STARTS_PER_MINUTE: rounds (matches) a player may open in any 60 s. */
  startsPerMinute: number;
}

export const ROUND_DEFAULTS: RoundConfig = {
  durationMs: GameRules.roundDurationMs,
  startsPerMinute: LIMITS.ROUND_STARTS_PER_MINUTE.default,
};

function positiveInt(env: Record<string, string> | undefined, key: string, fallback: number) {
  const raw = env?.[key];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function roundConfig(env: Record<string, string> | undefined): RoundConfig {
  return {
    durationMs: Math.min(
      GameRules.maxRoundDurationMs,
      Math.max(1, positiveInt(env, "ROUND_DURATION_MS", ROUND_DEFAULTS.durationMs)),
    ),
    // The one table of limits (packages/contracts/src/limits.ts), bounded by check:prod-config.
    startsPerMinute: limitValue(env, "ROUND_STARTS_PER_MINUTE"),
  };
}
