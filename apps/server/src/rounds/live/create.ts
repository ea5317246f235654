import { LIVE_ROUND_MATCH, liveRoundCreate } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { roundConfig } from "../config";
import { limitsWrite, readLimits, recentStarts, retryInSeconds } from "../start-limits";
import { liveConfig } from "./config";
import type { LiveRoundParams } from "./match";

/**
 * Opens a live round: an authoritative match with one seat, reserved for the caller. The
 * seed is drawn here and handed only to the match (matchCreate's params stay on the server).
 * A match costs a VM: live rounds count against the same per-minute starts as round_start.
 */
export const liveRoundCreateHandler = defineHandler(liveRoundCreate, {
  run(input, { userId, ctx, logger, nk }) {
    const { startsPerMinute } = roundConfig(ctx.env);
    const now = Date.now();
    const { limits, version } = readLimits(nk, logger, userId);
    const starts = recentStarts(limits.starts, now);
    if (starts.length >= startsPerMinute) {
      throw rpcError(
        "rate_limited",
        `live_round_create: at most ${startsPerMinute} rounds a minute; retry in ${retryInSeconds(starts, now)} s`,
      );
    }
    try {
      writeOwned(nk, [limitsWrite(userId, { ...limits, starts: [...starts, now] }, version)]);
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      throw rpcError("rate_limited", "live_round_create: one round at a time; retry in 1 s");
    }
    const params: LiveRoundParams = {
      user_id: userId,
      username: ctx.username ?? "",
      orientation: input.orientation ?? "landscape",
      seed: Math.floor(Math.random() * 0x1_0000_0000),
    };
    const matchId = nk.matchCreate(LIVE_ROUND_MATCH, params);
    return { match_id: matchId, duration_ms: liveConfig(ctx.env).durationMs };
  },
});
