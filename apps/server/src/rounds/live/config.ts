import { LiveTiming, RaceLobby } from "@gift-grab/contracts";
import { roundConfig } from "../config";

/**
 * A live round's settings from runtime.env: the round's length (ROUND_DURATION_MS, a
 * parameter of the simulation, not a rule), and the waits a test stack shortens so tests don't sit out wall-clock time they don't need.
 */
export interface LiveConfig {
  durationMs: number;
  /** LIVE_START_DELAY_MS: the countdown before tick 0. */
  startDelayMs: number;
  /** LIVE_RECONNECT_GRACE_MS: how long a dropped seat is kept. */
  reconnectGraceMs: number;
  /** LIVE_LINGER_MS: the match stays open this long after the end. */
  lingerMs: number;
  /** LIVE_JOIN_TIMEOUT_MS: a match nobody joined closes after this long. */
  joinTimeoutMs: number;
  /**
   * LIVE_RACE_JOIN_WAIT_MS: a race waits this long for its matched players; then bots take
   * the seats nobody took, and it begins with whoever is in.
   */
  raceJoinWaitMs: number;
  /** RACE_LOBBY_TTL_MS: a friend race's code works this long (RaceLobby.ttlMs). */
  lobbyTtlMs: number;
  /**
   * RACE_LOBBY_HOST_GRACE_MS: a lobby's host away this long while others wait hands it to the
   * one waiting longest (RaceLobby.hostGraceMs).
   */
  lobbyHostGraceMs: number;
}

function ms(env: Record<string, string> | undefined, key: string, fallback: number, max: number) {
  const raw = env?.[key];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

export function liveConfig(env: Record<string, string> | undefined): LiveConfig {
  return {
    durationMs: roundConfig(env).durationMs,
    startDelayMs: ms(env, "LIVE_START_DELAY_MS", LiveTiming.startDelayMs, 10_000),
    reconnectGraceMs: ms(env, "LIVE_RECONNECT_GRACE_MS", LiveTiming.reconnectGraceMs, 10_000),
    lingerMs: ms(env, "LIVE_LINGER_MS", LiveTiming.lingerMs, 60_000),
    joinTimeoutMs: ms(env, "LIVE_JOIN_TIMEOUT_MS", LiveTiming.joinTimeoutMs, 120_000),
    raceJoinWaitMs: ms(env, "LIVE_RACE_JOIN_WAIT_MS", LiveTiming.raceJoinWaitMs, 60_000),
    lobbyTtlMs: ms(env, "RACE_LOBBY_TTL_MS", RaceLobby.ttlMs, 3_600_000),
    lobbyHostGraceMs: ms(env, "RACE_LOBBY_HOST_GRACE_MS", RaceLobby.hostGraceMs, 600_000),
  };
}
