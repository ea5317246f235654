import { describe, expect, it } from "vitest";
import {
  LeaderboardRecordMetadata,
  WEEK_MS,
  WEEKLY_RESET_CRON,
  weeklyResetAfter,
  weeklyResetBefore,
} from "../src/leaderboard";

const at = (iso: string) => Date.parse(iso);

describe("weekly reset maths (UTC, Monday 00:00)", () => {
  it("is the cron the board is created with", () => {
    expect(WEEKLY_RESET_CRON).toBe("0 0 * * 1");
  });

  it.each([
    ["a Wednesday afternoon", "2026-11-25T15:30:00.000Z", "2026-11-30T00:00:00.000Z"],
    [
      "a Sunday one millisecond before midnight",
      "2026-11-29T23:59:59.999Z",
      "2026-11-30T00:00:00.000Z",
    ],
    [
      "exactly Monday 00:00 (cron's next is a week on)",
      "2026-11-23T00:00:00.000Z",
      "2026-11-30T00:00:00.000Z",
    ],
    ["one millisecond into Monday", "2026-11-23T00:00:00.001Z", "2026-11-30T00:00:00.000Z"],
    [
      "a Saturday, across a month and year end",
      "2026-12-26T08:00:00.000Z",
      "2026-12-28T00:00:00.000Z",
    ],
    ["New Year's Eve", "2026-12-31T23:00:00.000Z", "2027-01-04T00:00:00.000Z"],
    ["a leap day (a Thursday)", "2024-02-29T12:00:00.000Z", "2024-03-04T00:00:00.000Z"],
    ["the epoch (a Thursday)", "1970-01-01T00:00:00.000Z", "1970-01-05T00:00:00.000Z"],
  ])("from %s", (_name, now, next) => {
    expect(new Date(weeklyResetAfter(at(now))).toISOString()).toBe(next);
  });

  it("does not follow a local timezone's daylight saving: it is plain UTC arithmetic", () => {
    // Europe's DST ends on 2026-10-25; the reset stays at 00:00 UTC either side.
    expect(new Date(weeklyResetAfter(at("2026-10-24T12:00:00Z"))).toISOString()).toBe(
      "2026-10-26T00:00:00.000Z",
    );
  });

  it("has the previous reset a week before the next, at or before now", () => {
    for (let t = at("2026-11-01T00:00:00Z"); t < at("2026-12-01T00:00:00Z"); t += 3_600_000 + 17) {
      const next = weeklyResetAfter(t);
      const prev = weeklyResetBefore(t);
      expect(next - prev).toBe(WEEK_MS);
      expect(prev).toBeLessThanOrEqual(t);
      expect(next).toBeGreaterThan(t);
      expect(new Date(next).getUTCDay()).toBe(1);
      expect(next % 86_400_000).toBe(0);
    }
  });
});

describe("record metadata", () => {
  it("accepts what the server writes", () => {
    expect(
      LeaderboardRecordMetadata.parse({ gifts: 12, power_ups_used: 1, client: "web" }),
    ).toEqual({ gifts: 12, power_ups_used: 1, client: "web" });
  });
  it("refuses a fractional gift count", () => {
    expect(
      LeaderboardRecordMetadata.safeParse({ gifts: 1.5, power_ups_used: 0, client: "x" }).success,
    ).toBe(false);
  });
});
