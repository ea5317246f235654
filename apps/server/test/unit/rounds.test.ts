import { createHash } from "node:crypto";
import { WEEK_MS, weeklyResetAfter } from "@gift-grab/contracts";
import { GameRules } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { ROUND_DEFAULTS, roundConfig } from "../../src/rounds/config";
import {
  MAX_TRACKED_TICKETS,
  partitionIssued,
  recentStarts,
  retryInSeconds,
  START_WINDOW_MS,
  ticketExpiry,
} from "../../src/rounds/start-limits";
import { submitFingerprint } from "../../src/rounds/tickets";
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
        ROUND_EARLY_TOLERANCE_MS: "0",
        ROUND_SUBMIT_WINDOW_MS: "2000",
        ROUND_TICKET_RETENTION_MS: "500",
        ROUND_STARTS_PER_MINUTE: "4",
      }),
    ).toEqual({
      durationMs: 1500,
      earlyToleranceMs: 0,
      submitWindowMs: 2000,
      ticketRetentionMs: 500,
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

  it("prunes tickets only once their retention has passed", () => {
    const now = 5_000_000;
    const TICKET_RETENTION_MS = 600_000;
    const keepMe = { id: "a", expires_at: now - TICKET_RETENTION_MS + 1 };
    const dropMe = { id: "b", expires_at: now - TICKET_RETENTION_MS };
    const open = { id: "c", expires_at: now + 1 };
    expect(partitionIssued([keepMe, dropMe, open], now, TICKET_RETENTION_MS)).toEqual({
      keep: [keepMe, open],
      prune: [dropMe],
    });
  });

  it("keeps at most MAX_TRACKED_TICKETS (with the new one), deleting the oldest first", () => {
    const now = 5_000_000;
    const issued = Array.from({ length: MAX_TRACKED_TICKETS + 2 }, (_, i) => ({
      id: `t${i}`,
      expires_at: now + 1_000 + i,
    }));
    const { keep, prune } = partitionIssued(issued, now, 0);
    expect(keep).toHaveLength(MAX_TRACKED_TICKETS - 1);
    expect(prune.map((t) => t.id)).toEqual(["t0", "t1", "t2"]);
  });

  it("says when the oldest start of a full minute leaves the window", () => {
    const now = 1_000_000;
    expect(retryInSeconds([now - 59_000, now - 30_000], now)).toBe(1);
    expect(retryInSeconds([now - 20_500, now], now)).toBe(40);
    expect(retryInSeconds([now], now)).toBe(60);
  });
});

describe("ticket expiry", () => {
  const monday = weeklyResetAfter(Date.UTC(2026, 10, 25));

  it("lasts the window when the week's reset is further away", () => {
    expect(ticketExpiry(monday + 1_000, 2_000)).toBe(monday + 3_000);
  });

  it("lasts until the weekly reset with the default week-long window, however late in the week", () => {
    const week = ROUND_DEFAULTS.submitWindowMs;
    expect(week).toBe(WEEK_MS);
    expect(ticketExpiry(monday + 60_000, week)).toBe(monday + WEEK_MS);
    expect(ticketExpiry(monday + WEEK_MS - 60_000, week)).toBe(monday + WEEK_MS);
  });

  it("counts a round that ends after the reset for the new week", () => {
    expect(ticketExpiry(monday + 5_000, WEEK_MS)).toBe(monday + WEEK_MS);
  });
});

describe("submit identity", () => {
  // nk.sha256Hash as Nakama has it: lowercase hex of the UTF-8 bytes.
  const nk = {
    sha256Hash: (text: string) => createHash("sha256").update(text).digest("hex"),
  } as unknown as nkruntime.Nakama;

  it("is the same for the same score and the same ticks, however the runs are split", () => {
    const a = {
      score: 5,
      inputs: [
        [10, 100, 0],
        [80, 0, 0],
      ] as [number, number, number][],
    };
    expect(submitFingerprint(nk, a)).toBe(submitFingerprint(nk, structuredClone(a)));
    expect(
      submitFingerprint(nk, {
        score: 5,
        inputs: [
          [4, 100, 0],
          [6, 100, 0],
          [80, 0, 0],
        ],
      }),
    ).toBe(submitFingerprint(nk, a));
    expect(submitFingerprint(nk, { ...a, score: 6 })).not.toBe(submitFingerprint(nk, a));
    expect(
      submitFingerprint(nk, {
        score: 5,
        inputs: [
          [10, 100, 1],
          [80, 0, 0],
        ],
      }),
    ).not.toBe(submitFingerprint(nk, a));
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
