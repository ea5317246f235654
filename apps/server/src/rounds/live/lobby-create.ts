import { LIVE_ROUND_MATCH, RaceLobby, raceLobbyCreate } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { limitsWrite, type StartLimits } from "../start-limits";
import { liveConfig } from "./config";
import { signalLobby } from "./lobby-call";
import { newRaceCode } from "./lobby-code";
import { lobbyCreateWrite } from "./lobby-store";
import type { LiveRoundParams, LobbyParams } from "./match";
import { racerName } from "./racer-names";
import { spendRoundStart } from "./start-spend";

/**
 * The player's new lobby, for the next race_lobby_create to close. A concurrent round start
 * wins the version race and this is skipped: the older lobby then lasts to its expiry.
 */
function rememberLobby(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  limits: StartLimits,
  version: string,
) {
  try {
    writeOwned(nk, [limitsWrite(userId, limits, version)]);
  } catch (err) {
    if (!isVersionConflict(err)) throw err;
    logger.debug("race lobby of %s: not remembered (a concurrent start)", userId);
  }
}

/** Codes drawn before giving up: with 50 bits, a second draw is already a 1-in-2^50 event. */
const CODE_DRAWS = 3;

/**
 * race_lobby_create: a lobby match with the host's seat, and a fresh code for it. The code's
 * record is written only if the code is free, so two lobbies never share one.
 */
export const raceLobbyCreateHandler = defineHandler(raceLobbyCreate, {
  run(input, { userId, ctx, logger, nk }) {
    const spent = spendRoundStart(nk, logger, ctx, userId, raceLobbyCreate.id);
    // One lobby a player: the one made before closes. Each holds a match looping 20 times a
    // second until its expiry, and round starts alone would let one player keep a hundred.
    if (spent.limits.lobby)
      signalLobby(nk, logger, spent.limits.lobby, { op: "abandon", user_id: userId });
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
    rememberLobby(nk, logger, userId, { ...spent.limits, lobby: matchId }, spent.version);
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
