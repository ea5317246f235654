import { GameRules } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { roundSubmit } from "../src/rpcs/round-submit";
import { maxPlausibleScore, SCORE_GRAB_SLACK, SCORE_TIME_SLACK_MS } from "../src/scoring";

describe("maxPlausibleScore", () => {
  it("matches the documented formula for a 30 s round", () => {
    // d = 220 − 38 − 28 = 154; T = 30.5 s; D = 420 · (30.5 + 10 · (2 − 1)) = 17010
    expect(GameRules.roundDurationMs).toBe(30_000);
    expect(maxPlausibleScore(30_000)).toBe(Math.floor(17_010 / 154) + SCORE_GRAB_SLACK);
    expect(maxPlausibleScore(30_000)).toBe(111);
  });

  it("is above what a real player could reach and far below a forged score", () => {
    // Straight-line dash at top speed all round: the true ceiling is lower still.
    const straightLine = Math.floor((GameRules.santa.speed * 30) / 154);
    expect(maxPlausibleScore(30_000)).toBeGreaterThan(straightLine);
    expect(maxPlausibleScore(30_000)).toBeLessThan(1000);
  });

  it("grows with time and is never negative", () => {
    let last = -1;
    for (let ms = 0; ms <= 60_000; ms += 250) {
      const max = maxPlausibleScore(ms);
      expect(max).toBeGreaterThanOrEqual(last);
      expect(Number.isInteger(max)).toBe(true);
      last = max;
    }
    expect(maxPlausibleScore(0)).toBe(0);
    expect(maxPlausibleScore(-5)).toBe(0);
    expect(maxPlausibleScore(Number.NaN)).toBe(0);
  });

  it("counts the cookie only for as long as it lasts", () => {
    // Short round: the cookie covers all of it.
    const t = 1_500 + SCORE_TIME_SLACK_MS;
    expect(maxPlausibleScore(1_500)).toBe(Math.floor((420 * 2 * t) / 1000 / 154) + 1);
    // Long round: only 10 s of it is doubled.
    expect(maxPlausibleScore(60_000)).toBe(Math.floor((420 * (60.5 + 10)) / 154) + 1);
  });

  it("follows the rules it is given", () => {
    const slow = { ...GameRules, santa: { ...GameRules.santa, speed: 210 } };
    expect(maxPlausibleScore(30_000, slow)).toBeLessThan(maxPlausibleScore(30_000));
    const close = { ...GameRules, gift: { ...GameRules.gift, minSpawnDistance: 10 } };
    // Gifts could spawn touching Santa: still a finite bound.
    expect(maxPlausibleScore(30_000, close)).toBe(Math.floor(30.5 * 60) + 1);
  });
});

describe("round_submit request", () => {
  const base = { ticket: "t", score: 3, gifts: 3, power_ups_used: 1 };
  it.each([
    ["negative score", { score: -1 }],
    ["fractional score", { score: 2.5 }],
    ["too many power-ups", { power_ups_used: 3 }],
    ["an extra field", { rank: 1 }],
    ["an empty ticket", { ticket: "" }],
  ])("refuses %s", (_n, patch) => {
    expect(roundSubmit.request.safeParse({ ...base, ...patch }).success).toBe(false);
  });
  it("accepts a well-formed submit", () => {
    expect(roundSubmit.request.parse(base)).toEqual(base);
  });
});
