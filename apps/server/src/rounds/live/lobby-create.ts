import { LIVE_ROUND_MATCH, RaceLobby, raceLobbyCreate } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { liveConfig } from "./config";
import { newRaceCode } from "./lobby-code";
import { lobbyCreateWrite } from "./lobby-store";
import type { LiveRoundParams, LobbyParams } from "./match";
import { racerName } from "./racer-names";
import { spendRoundStart } from "./start-spend";

/** Codes drawn before giving up: with 50 bits, a second draw is already a 1-in-2^50 event. */
const CODE_DRAWS = 3;

/**
 * race_lobby_create: a lobby match with the host's seat, and a fresh code for it. The code's
 * record is written only if the code is free, so two lobbies never share one.
 */
export const raceLobbyCreateHandler = defineHandler(raceLobbyCreate, {
  run(input, { userId, ctx, logger, nk }) {
    spendRoundStart(nk, logger, ctx, userId, raceLobbyCreate.id);
    const config = liveConfig(ctx.env);
    const expiresAt = Date.now() + config.lobbyTtlMs;
    const lobby: LobbyParams = {
      host: {
        user_id: userId,
        username: ctx.username ?? "",
        name: racerName(nk, userId, ctx.username ?? ""),
      },
      max_seats: input.seats ?? 4,
      expires_at: expiresAt,
    };
    const params: LiveRoundParams = {
      lobby: JSON.stringify(lobby),
      orientation: input.orientation ?? "landscape",
      seed: Math.floor(Math.random() * 0x1_0000_0000),
    };
    const matchId = nk.matchCreate(LIVE_ROUND_MATCH, params);
    for (let i = 0; i < CODE_DRAWS; i++) {
      const code = newRaceCode(nk);
      try {
        writeOwned(nk, [
          lobbyCreateWrite(code, { match_id: matchId, host: userId, expires_at: expiresAt }),
        ]);
      } catch (err) {
        if (isVersionConflict(err)) continue;
        throw err;
      }
      return {
        code,
        link_query: `?${RaceLobby.linkParam}=${code}`,
        match_id: matchId,
        expires_at: expiresAt,
        duration_ms: config.durationMs,
      };
    }
    throw rpcError("unavailable", `${raceLobbyCreate.id}: no free code; try again`);
  },
});
