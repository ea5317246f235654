import { LIVE_ROUND_MATCH, liveRoundCreate } from "@gift-grab/contracts";
import { defineHandler } from "../../runtime/handle-rpc";
import { liveConfig } from "./config";
import type { LiveRoundParams } from "./match";
import { spendRoundStart } from "./start-spend";

/**
 * Opens a live round: an authoritative match with one seat, reserved for the caller. The
 * seed is drawn here and handed only to the match (matchCreate's params stay on the server).
 * A match costs a VM: every RPC that opens one spends the same per-minute starts.
 */
export const liveRoundCreateHandler = defineHandler(liveRoundCreate, {
  run(input, { userId, ctx, logger, nk }) {
    spendRoundStart(nk, logger, ctx, userId, "live_round_create");
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
