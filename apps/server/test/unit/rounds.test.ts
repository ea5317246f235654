import { GameRules } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { ROUND_DEFAULTS, roundConfig } from "../../src/rounds/config";
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
