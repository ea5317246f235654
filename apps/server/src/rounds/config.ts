import { LIMITS, limitValue } from "@gift-grab/contracts";
import { GameRules } from "@gift-grab/simulation";

/**
 * Round settings from runtime.env (infra/nakama/local.yml), so test stacks can run short
 * rounds and tight limits. Missing or malformed values fall back to the defaults.
 */
export interface RoundConfig {
  /** ROUND_DURATION_MS: how long a round lasts (the client plays what round_start says). */
  durationMs: number;
  /** ROUND_EARLY_TOLERANCE_MS: a submit may arrive this much before the round's end. */
  earlyToleranceMs: number;
  /**
   * ROUND_SUBMIT_WINDOW_MS: after the round's end, how long a ticket can at most still be
   * submitted. The weekly reset cuts it short (a score counts for the week it was played in).
   */
  submitWindowMs: number;
  /**
   * ROUND_TICKET_RETENTION_MS: how long a ticket is kept after it expired (an identical
   * retry still gets its result); round_start deletes older ones.
   */
  ticketRetentionMs: number;
  /** ROUND_STARTS_PER_MINUTE: round_start calls a player may make in any 60 s. */
  startsPerMinute: number;
}

export const ROUND_DEFAULTS: RoundConfig = {
  durationMs: GameRules.roundDurationMs,
  earlyToleranceMs: 1_000,
  // The replay proves the play, so a queued offline submission may arrive days later: until
  // the week's reset, whatever the outage.
  submitWindowMs: 7 * 24 * 60 * 60_000,
  ticketRetentionMs: 10 * 60_000,
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
    earlyToleranceMs: positiveInt(env, "ROUND_EARLY_TOLERANCE_MS", ROUND_DEFAULTS.earlyToleranceMs),
    submitWindowMs: positiveInt(env, "ROUND_SUBMIT_WINDOW_MS", ROUND_DEFAULTS.submitWindowMs),
    ticketRetentionMs: positiveInt(
      env,
      "ROUND_TICKET_RETENTION_MS",
      ROUND_DEFAULTS.ticketRetentionMs,
    ),
    // The one table of limits (packages/contracts/src/limits.ts), bounded by check:prod-config.
    startsPerMinute: limitValue(env, "ROUND_STARTS_PER_MINUTE"),
  };
}
