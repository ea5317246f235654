import { defaultLaunchOptions, type LaunchOptions } from "../src/core/launch-options";

/**
 * The test build's switches, read from the page URL: `?seed=42&speed=4&bench=50&countdown=0`,
 * and `?timings=` (the net's delays, shortened: config/net-timings.ts).
 * The production entry reads none of them (a test builds it and looks: test/bundle.test.ts).
 */
export interface UrlOptions {
  /** Overrides the server's seed. */
  seed: number | null;
  /** Game-time multiplier (0.25..20). */
  speed: number;
  /** Benchmark mode: this many extra moving sprites, no sign-in. */
  bench: number | null;
  /** The 3-2-1 before a round, in game milliseconds (0 skips it; at most 10 s). */
  countdownMs: number;
}

const DEFAULT_COUNTDOWN_MS = defaultLaunchOptions.round.countdownMs;

export function readUrlOptions(search: string): UrlOptions {
  const p = new URLSearchParams(search);
  const int = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : null);
  const speedRaw = Number(p.get("speed"));
  return {
    seed: int(p.get("seed")),
    speed: Number.isFinite(speedRaw) && speedRaw > 0 ? Math.min(20, Math.max(0.25, speedRaw)) : 1,
    bench: int(p.get("bench")),
    countdownMs: Math.min(10_000, int(p.get("countdown")) ?? DEFAULT_COUNTDOWN_MS),
  };
}

/** How the test build starts: rounds tuned by the URL, and the bench round instead of sign-in. */
export function launchFromUrl(search: string): LaunchOptions {
  const { seed, speed, countdownMs, bench } = readUrlOptions(search);
  return {
    round: { seed, speed, countdownMs },
    afterBoot: bench === null ? null : { scene: BENCH_SCENE, data: { count: bench } },
    timings: new URLSearchParams(search).get("timings"),
  };
}

export const BENCH_SCENE = "Bench";
