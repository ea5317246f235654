/**
 * Every rate limit the server enforces, in one table: its runtime.env variable, its default
 * (what a person playing never meets) and the range check:prod-config accepts. The server
 * reads the values (apps/server/src/limits/config.ts); tools/devkit's check:prod-config
 * refuses a value outside its range; test and bench stacks raise them for their own stacks
 * (tools/devkit's RAISED_LIMITS). docs/security.md "Rate limits" gives the reasoning for each default.
 */
export interface LimitSpec {
  /** Requests allowed per window, also the burst allowed at once. */
  readonly default: number;
  readonly windowSec: number;
  /**
   * The share of `default` (or of the configured value) allowed at once; the rest comes at
   * the steady rate. 1: a whole window's worth may arrive together (a classroom signing in).
   */
  readonly burstShare: number;
  /** What check:prod-config accepts: below `min` locks honest players out, above `max` is no limit. */
  readonly min: number;
  readonly max: number;
  /** Per what it counts, and which requests. */
  readonly counts: string;
}

export const LIMITS = {
  /**
   * Sign-ins and token refreshes per client address a minute. A person signs in once a visit
   * and refreshes a few times an hour; 30 leaves room for a classroom or an office behind one
   * address (NAT) arriving at once.
   */
  SIGN_INS_PER_MINUTE: {
    default: 30,
    windowSec: 60,
    burstShare: 1,
    min: 5,
    max: 600,
    counts: "per address: authenticate (device, email, custom) and session refresh",
  },
  /**
   * New accounts per client address an hour. A person needs one per device, ever; 20 covers a
   * household or a classroom signing up together, and bounds an attacker's supply of fresh
   * guests (each with its own per-player budget) to 20 an hour from one address.
   */
  SIGN_UPS_PER_HOUR: {
    default: 20,
    windowSec: 3600,
    burstShare: 1,
    min: 2,
    max: 1000,
    counts: "per address: new accounts (guest or email)",
  },
  /**
   * Password checks a minute, per client address and per email: email sign-in, email
   * sign-up and link email. Each costs Nakama a bcrypt at cost 13 (core_authenticate.go),
   * ~0.5–1 s of CPU, the most expensive request a client can send, and Nakama locks out
   * wrong passwords only on its console. A person types a password a few times a minute at
   * most; guests (device sign-in) never meet this limit. A third of it at once (2): a typo and
   * its retry pass, and one address can't put six bcrypts on the cores together (the abuse
   * bench's worst honest calls, docs/performance.md).
   */
  PASSWORD_CHECKS_PER_MINUTE: {
    default: 6,
    windowSec: 60,
    burstShare: 1 / 3,
    min: 1,
    max: 60,
    counts: "per address and per email: email sign-in, email sign-up, link email",
  },
  /**
   * RPCs and writing APIs per player a minute. A 30 s round is at most 2 a minute and costs
   * 2–3 calls (live_round_create, then leaderboard_view at game over, once or twice);
   * 60 is several times a non-stop player's need. A third of it at once (20 calls): a
   * round's calls and a reconnect's retries come together, never a minute's worth.
   */
  CALLS_PER_MINUTE: {
    default: 60,
    windowSec: 60,
    burstShare: 1 / 3,
    min: 10,
    max: 1200,
    counts:
      "per player: every RPC, account update, email link, storage write and delete, and closed-API attempts",
  },
  /**
   * Board and replay reads per client address a minute. A player views the board after each
   * round and opens a few replays; 120 leaves room for several players behind one address,
   * a third of it (40) at once.
   */
  READS_PER_MINUTE: {
    default: 120,
    windowSec: 60,
    burstShare: 1 / 3,
    min: 10,
    max: 2400,
    counts: "per address: leaderboard_view, replay_get and race_lobby_join (race codes tried)",
  },
  /**
   * Rounds (matches, each a VM) a player opens a minute (kept in storage, so it holds across
   * nodes: apps/server/src/rounds/start-limits.ts). A round lasts 30 s; 10 allows restarts.
   */
  ROUND_STARTS_PER_MINUTE: {
    default: 10,
    windowSec: 60,
    burstShare: 1,
    min: 2,
    max: 60,
    counts: "per player: live_round_create, race_with_bots, race_lobby_create, race_lobby_rematch",
  },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

/** Rate limits whose variable is LIMIT_<name>; ROUND_STARTS_PER_MINUTE keeps its older name. */
export function limitEnvVar(name: LimitName): string {
  return name === "ROUND_STARTS_PER_MINUTE" ? name : `LIMIT_${name}`;
}

/**
 * A limit's value from runtime.env: a whole number ≥ 1, else its default (the server never
 * runs without a limit; check:prod-config says when a value was refused or out of range).
 */
export function limitValue(env: Record<string, string> | undefined, name: LimitName): number {
  const raw = env?.[limitEnvVar(name)];
  if (raw === undefined || raw.trim() === "") return LIMITS[name].default;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : LIMITS[name].default;
}

/** How many requests of a limit of `count` may come at once (at least 1). */
export function limitBurst(name: LimitName, count: number): number {
  return Math.max(1, Math.ceil(count * LIMITS[name].burstShare));
}

/** The detail's tail a rate-limited refusal ends with, and how clients read it back. */
export function retryAfterText(seconds: number): string {
  return `retry in ${seconds} s`;
}
export function retryAfterSeconds(detail: string): number | undefined {
  const m = /retry in (\d+) s$/.exec(detail);
  return m ? Number(m[1]) : undefined;
}
