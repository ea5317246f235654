import { LIMITS, limitBurst, limitValue, retryAfterSeconds } from "@gift-grab/contracts";
import { RAISED_LIMITS } from "@gift-grab/devkit";
import { describe, expect, it } from "vitest";
import { limitRule } from "../../src/limits/config";
import { peek, rateLimited, take } from "../../src/limits/rate";
import { addressSubject } from "../../src/limits/subjects";

/** nk.localcache as Nakama keeps it: a map, ttl ignored (the tests move time themselves). */
function fakeNk() {
  const cache = new Map<string, unknown>();
  return {
    cache,
    nk: {
      localcacheGet: (k: string) => cache.get(k) ?? null,
      localcachePut: (k: string, v: unknown) => void cache.set(k, v),
    } as unknown as nkruntime.Nakama,
  };
}

describe("take (GCRA)", () => {
  const rule = { count: 60, windowSec: 60, burst: 20 };

  it("lets a burst through, then one request per window/count", () => {
    const { nk } = fakeNk();
    const now = 1_000_000;
    for (let i = 0; i < 20; i++) expect(take(nk, "k", rule, now)).toBe(0);
    expect(take(nk, "k", rule, now)).toBe(1000);
    expect(take(nk, "k", rule, now + 999)).toBe(1);
    expect(take(nk, "k", rule, now + 1000)).toBe(0);
    expect(take(nk, "k", rule, now + 1000)).toBeGreaterThan(0);
  });

  it("a request of weight n counts as n", () => {
    const { nk } = fakeNk();
    for (let i = 0; i < 4; i++) expect(take(nk, "w", rule, 0, 5)).toBe(0);
    expect(take(nk, "w", rule, 0, 5)).toBe(5000);
    expect(take(nk, "w", rule, 0, 1)).toBe(1000);
  });

  it("a refusal writes nothing, so hammering does not push the wait further out", () => {
    const { nk, cache } = fakeNk();
    const now = 5_000;
    for (let i = 0; i < 20; i++) take(nk, "k", rule, now);
    const full = cache.get("k");
    for (let i = 0; i < 100; i++) take(nk, "k", rule, now);
    expect(cache.get("k")).toBe(full);
  });

  it("refills fully after a quiet window; subjects are independent", () => {
    const { nk } = fakeNk();
    for (let i = 0; i < 20; i++) take(nk, "a", rule, 0);
    expect(take(nk, "b", rule, 0)).toBe(0);
    for (let i = 0; i < 20; i++) expect(take(nk, "a", rule, 60_000)).toBe(0);
  });

  it("peek says what take would, without counting", () => {
    const { nk } = fakeNk();
    const ups = { count: 20, windowSec: 3600, burst: 20 };
    for (let i = 0; i < 20; i++) {
      expect(peek(nk, "u", ups, 0)).toBe(0);
      take(nk, "u", ups, 0);
    }
    expect(peek(nk, "u", ups, 0)).toBe(180_000);
    expect(peek(nk, "u", ups, 0)).toBe(180_000);
  });
});

describe("the refusal", () => {
  it("is rate_limited (code 8) and ends with whole seconds to wait, at least 1", () => {
    const e = rateLimited("x: at most 1", 1500);
    expect(e.code).toBe(8);
    expect(e.message).toBe("rate_limited: x: at most 1; retry in 2 s");
    expect(retryAfterSeconds(e.message)).toBe(2);
    expect(retryAfterSeconds(rateLimited("x", 3).message)).toBe(1);
  });
});

describe("limits from runtime.env", () => {
  it("default, configured, and malformed or zero values falling back to the default", () => {
    expect(limitRule(undefined, "CALLS_PER_MINUTE")).toEqual({
      count: 60,
      windowSec: 60,
      burst: 20,
    });
    expect(limitRule({ LIMIT_CALLS_PER_MINUTE: "90" }, "CALLS_PER_MINUTE")).toEqual({
      count: 90,
      windowSec: 60,
      burst: 30,
    });
    for (const bad of ["0", "-3", "1.5", "lots", " "]) {
      expect(limitValue({ LIMIT_SIGN_UPS_PER_HOUR: bad }, "SIGN_UPS_PER_HOUR")).toBe(20);
    }
    expect(limitValue({ ROUND_STARTS_PER_MINUTE: "4" }, "ROUND_STARTS_PER_MINUTE")).toBe(4);
  });

  it("every default lies inside the range check:prod-config accepts; raised limits do not", () => {
    for (const spec of Object.values(LIMITS)) {
      expect(spec.default).toBeGreaterThanOrEqual(spec.min);
      expect(spec.default).toBeLessThanOrEqual(spec.max);
    }
    for (const value of Object.values(RAISED_LIMITS)) expect(Number(value)).toBeGreaterThan(2400);
    expect(limitBurst("SIGN_INS_PER_MINUTE", 30)).toBe(30);
  });
});

describe("addressSubject", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::99", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["", ""],
  ])("%s counts as %s", (ip, subject) => {
    expect(addressSubject(ip)).toBe(subject);
  });
});
