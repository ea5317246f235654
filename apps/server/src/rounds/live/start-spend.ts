import { rpcError } from "../../runtime/errors";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { roundConfig } from "../config";
import {
  limitsWrite,
  readLimits,
  recentStarts,
  retryInSeconds,
  type StartLimits,
} from "../start-limits";

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
  const { limits, version } = readLimits(nk, logger, userId);
  const starts = recentStarts(limits.starts, now);
  if (starts.length >= startsPerMinute) {
    throw rpcError(
      "rate_limited",
      `${rpc}: at most ${startsPerMinute} rounds a minute; retry in ${retryInSeconds(starts, now)} s`,
    );
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
