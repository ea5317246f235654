import { LIVE_ROUND_MATCH, raceLobbyRematch } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { liveConfig } from "./config";
import { assertHost, lobbyByCode, signalLobby } from "./lobby-call";
import { lobbyUpdateWrite } from "./lobby-store";
import { raceParams } from "./race-create";
import { spendRoundStart } from "./start-spend";

/**
 * race_lobby_rematch: a new race with the last one's seats, under the same code. The old match
 * must be over (or gone); players still in it are told the new match id (REMATCH).
 */
export const raceLobbyRematchHandler = defineHandler(raceLobbyRematch, {
  run(input, { userId, ctx, logger, nk }) {
    const rpc = raceLobbyRematch.id;
    const { code, lobby, version } = lobbyByCode(nk, logger, rpc, input.code);
    assertHost(lobby, userId, rpc);
    if (!lobby.race) throw rpcError("round_not_over", `${rpc}: the race has not been started`);
    // A match gone is over (it closes after its END and linger).
    const phase = signalLobby(nk, logger, lobby.match_id, { op: "over" });
    if (phase && "over" in phase && !phase.over)
      throw rpcError("round_not_over", `${rpc}: the race is still on`);
    spendRoundStart(nk, logger, ctx, userId, rpc);
    const { users, seats } = lobby.race;
    const matchId = nk.matchCreate(LIVE_ROUND_MATCH, raceParams(users, seats, true));
    const expiresAt = Date.now() + liveConfig(ctx.env).lobbyTtlMs;
    try {
      writeOwned(nk, [
        lobbyUpdateWrite(code, { ...lobby, match_id: matchId, expires_at: expiresAt }, version),
      ]);
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      throw rpcError("race_started", `${rpc}: a rematch was asked for at the same time`);
    }
    signalLobby(nk, logger, lobby.match_id, { op: "rematch", match_id: matchId });
    return { match_id: matchId, expires_at: expiresAt };
  },
});
