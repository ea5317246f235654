import { formatErrorMessage, reasonCode, retryAfterText } from "@gift-grab/contracts";

// Only contracts below: runtime/handle-rpc.ts reads the limits, so they may not import runtime.

/** A limit as the server applies it: `count` requests per `windowSec`, `burst` of them at once. */
export interface Rule {
  count: number;
  windowSec: number;
  burst: number;
}

/**
 * The generic cell rate algorithm: per subject, one number in nk.localcache, the time at which
 * its bucket would be empty again ("theoretical arrival time"). Each request moves it a
 * window/count later; a request that would move it more than `burst` such steps ahead is
 * refused and moves nothing. So `burst` requests pass at once, then one per window/count,
 * with no bucket edge to game. Cost: one localcacheGet, and one localcachePut when allowed (a refusal writes
 * nothing). Read-modify-write is not atomic: requests running at the same instant in other
 * VMs may each read the same time, so a burst can pass by up to the VM pool's size more
 * (docs/security.md "Rate limits").
 *
 * A request of `weight` counts as that many (one that costs the server more).
 * Returns 0 when the request is allowed (and counted), else the milliseconds until one would be.
 */
export function take(
  nk: nkruntime.Nakama,
  key: string,
  rule: Rule,
  now = Date.now(),
  weight = 1,
): number {
  const step = (rule.windowSec * 1000) / rule.count;
  const stored = nk.localcacheGet(key);
  const next = (typeof stored === "number" && stored > now ? stored : now) + weight * step;
  const over = next - now - rule.burst * step;
  if (over > 0.001) return over;
  nk.localcachePut(key, next, Math.ceil((next - now) / 1000));
  return 0;
}

/** Like take, without counting: 0 if one more request would pass now, else ms to wait. */
export function peek(nk: nkruntime.Nakama, key: string, rule: Rule, now = Date.now()): number {
  const step = (rule.windowSec * 1000) / rule.count;
  const stored = nk.localcacheGet(key);
  const next = (typeof stored === "number" && stored > now ? stored : now) + step;
  const over = next - now - rule.burst * step;
  return over > 0.001 ? over : 0;
}

/** The refusal: code 8 (HTTP 429), reason rate_limited, what was limited and when to retry. */
export function rateLimited(what: string, waitMs: number): { message: string; code: number } {
  const detail = `${what}; ${retryAfterText(Math.max(1, Math.ceil(waitMs / 1000)))}`;
  return { message: formatErrorMessage("rate_limited", detail), code: reasonCode.rate_limited };
}

/** Counts a request against `rule`, or refuses it (rateLimited) when the subject is over. */
export function assertWithin(
  nk: nkruntime.Nakama,
  key: string,
  rule: Rule,
  what: string,
  weight = 1,
) {
  const wait = take(nk, key, rule, Date.now(), weight);
  if (wait > 0) throw rateLimited(what, wait);
}
