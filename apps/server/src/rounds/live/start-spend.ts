import { rpcError } from "../../runtime/errors";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { roundConfig } from "../config";
import {
  limitsWrite,
  readLimits,
  recentStarts,
  retryInSeconds,
  START_WINDOW_MS,
  type StartLimits,
} from "../start-limits";

/** nk.localcache key prefix: when this player's full minute of starts frees one (ms). */
const FULL_UNTIL = "round_starts_full:";

function outOfStarts(rpc: string, startsPerMinute: number, retrySec: number) {
  return rpcError(
    "rate_limited",
    `${rpc}: at most ${startsPerMinute} rounds a minute; retry in ${retrySec} s`,
  );
}

/**
 * Spends one of the caller's round starts a minute (ROUND_STARTS_PER_MINUTE), or refuses with
 * `rate_limited`: a match costs a VM, so every RPC that creates one pays from the same budget.
 * Returns the limits as written and their new version (for a caller that adds to them).
 */
export function spendRoundStart(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  ctx: nkruntime.Context,
  userId: string,
  rpc: string,
): { limits: StartLimits; version: string } {
  const { startsPerMinute } = roundConfig(ctx.env);
  const now = Date.now();
  // A player known to be out of starts is refused from this node's cache, before storage: a
  // flood of round starts costs a cache read each, not a database read (cheap before expensive).
  const fullKey = FULL_UNTIL + userId;
  const fullUntil = nk.localcacheGet(fullKey);
  if (typeof fullUntil === "number" && fullUntil > now)
    throw outOfStarts(rpc, startsPerMinute, Math.ceil((fullUntil - now) / 1000));
  const { limits, version } = readLimits(nk, logger, userId);
  const starts = recentStarts(limits.starts, now);
  if (starts.length >= startsPerMinute) {
    // Full until the oldest start leaves the window: starts only leave with time, so this
    // holds whatever another node writes meanwhile.
    const retry = retryInSeconds(starts, now);
    nk.localcachePut(fullKey, Math.min(...starts) + START_WINDOW_MS, retry);
    throw outOfStarts(rpc, startsPerMinute, retry);
  }
  const spent = { ...limits, starts: [...starts, now] };
  try {
    const [ack] = writeOwned(nk, [limitsWrite(userId, spent, version)]);
    return { limits: spent, version: ack?.version ?? "" };
  } catch (err) {
    if (!isVersionConflict(err)) throw err;
    throw rpcError("rate_limited", `${rpc}: one round at a time; retry in 1 s`);
  }
}
