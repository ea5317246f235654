import { GameRules } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { ROUND_DEFAULTS, roundConfig } from "../../src/rounds/config";
import { spendRoundStart } from "../../src/rounds/live/start-spend";
import { recentStarts, retryInSeconds, START_WINDOW_MS } from "../../src/rounds/start-limits";
import { isVersionConflict } from "../../src/runtime/version-conflict";
import { withRound } from "../../src/stats/player-stats";

describe("roundConfig", () => {
  it("defaults to the game's 30 s round", () => {
    expect(roundConfig(undefined)).toEqual(ROUND_DEFAULTS);
    expect(ROUND_DEFAULTS.durationMs).toBe(GameRules.roundDurationMs);
  });

  it("reads runtime.env", () => {
    expect(
      roundConfig({
        ROUND_DURATION_MS: "1500",
        ROUND_STARTS_PER_MINUTE: "4",
      }),
    ).toEqual({
      durationMs: 1500,
      startsPerMinute: 4,
    });
  });

  it.each(["", "abc", "-5", "1.5", " "])("ignores a malformed value %j", (raw) => {
    expect(roundConfig({ ROUND_DURATION_MS: raw }).durationMs).toBe(ROUND_DEFAULTS.durationMs);
  });

  it("never allows zero rounds (the default holds) or a zero-length round", () => {
    const c = roundConfig({
      ROUND_DURATION_MS: "0",
      ROUND_STARTS_PER_MINUTE: "0",
    });
    expect(c.durationMs).toBe(1);
    expect(c.startsPerMinute).toBe(ROUND_DEFAULTS.startsPerMinute);
  });
});

/** Storage with one player's round_limits row, and nk.localcache; counts the storage reads. */
function startsNk(starts: number[]) {
  const cache = new Map<string, unknown>();
  const calls = { reads: 0, writes: 0 };
  let row = { starts };
  const nk = {
    localcacheGet: (k: string) => cache.get(k) ?? null,
    localcachePut: (k: string, v: unknown) => void cache.set(k, v),
    storageRead: () => {
      calls.reads += 1;
      return [{ collection: "round_limits", key: "starts", userId: "u", value: row, version: "v" }];
    },
    storageWrite: (writes: { value: { starts: number[] } }[]) => {
      calls.writes += 1;
      row = writes[0]?.value ?? row;
      return [{ version: "v2" }];
    },
  } as unknown as nkruntime.Nakama;
  return { nk, calls };
}
const logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as nkruntime.Logger;
const ctx = { env: { ROUND_STARTS_PER_MINUTE: "2" } } as unknown as nkruntime.Context;

describe("spending a round start", () => {
  it("refuses a player out of starts from the node's cache after the first refusal: no storage read", () => {
    const now = Date.now();
    const { nk, calls } = startsNk([now - 1_000]);
    spendRoundStart(nk, logger, ctx, "u", "live_round_create");
    expect(calls).toEqual({ reads: 1, writes: 1 });
    for (let i = 0; i < 5; i++)
      expect(() => spendRoundStart(nk, logger, ctx, "u", "live_round_create")).toThrow(
        /rate_limited|at most 2 rounds a minute/,
      );
    // The first refusal read storage; the four after it, none.
    expect(calls).toEqual({ reads: 2, writes: 1 });
  });
});

describe("start limits", () => {
  it("counts starts in a sliding minute", () => {
    const now = 1_000_000;
    expect(
      recentStarts([now - START_WINDOW_MS, now - START_WINDOW_MS + 1, now - 1, now], now),
    ).toEqual([now - START_WINDOW_MS + 1, now - 1, now]);
  });

  it("says when the oldest start of a full minute leaves the window", () => {
    const now = 1_000_000;
    expect(retryInSeconds([now - 59_000, now - 30_000], now)).toBe(1);
    expect(retryInSeconds([now - 20_500, now], now)).toBe(40);
    expect(retryInSeconds([now], now)).toBe(60);
  });
});

describe("version conflicts", () => {
  it("recognises Nakama's rejection and nothing else", () => {
    expect(
      isVersionConflict(
        new Error(
          "failed to write storage objects: Storage write rejected - version check failed.",
        ),
      ),
    ).toBe(true);
    expect(
      isVersionConflict(new Error("failed to write storage objects: connection refused")),
    ).toBe(false);
    expect(isVersionConflict(undefined)).toBe(false);
  });
});

describe("player stats", () => {
  it("adds a round", () => {
    expect(
      withRound(
        { games_played: 2, best: 9, total_gifts: 14, last_played_at: 1 },
        { score: 7, gifts: 7, at: 99 },
      ),
    ).toEqual({ games_played: 3, best: 9, total_gifts: 21, last_played_at: 99 });
    expect(
      withRound(
        { games_played: 0, best: 0, total_gifts: 0, last_played_at: null },
        { score: 3, gifts: 3, at: 5 },
      ),
    ).toEqual({ games_played: 1, best: 3, total_gifts: 3, last_played_at: 5 });
  });
});
