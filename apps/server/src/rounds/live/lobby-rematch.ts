import { LIVE_ROUND_MATCH, raceLobbyRematch } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { isVersionConflict } from "../../runtime/version-conflict";
import { liveConfig } from "./config";
import { lobbyByCode, signalLobby } from "./lobby-call";
import { lobbyUpdateWrite } from "./lobby-store";
import { raceParams } from "./race-create";
import { spendRoundStart } from "./start-spend";

/**
 * race_lobby_rematch: a new race with the last one's seats, under the same code, asked by any of
 * its players (a host who left the results must not take the rematch with them). The old match
 * must be over (or gone); players still in it are told the new match id (REMATCH). Two players
 * asking at once get the same rematch: the second finds it gathering its seats, or loses the
 * lobby record's version to the first, and answers the first's.
 */
export const raceLobbyRematchHandler = defineHandler(raceLobbyRematch, {
  run(input, { userId, ctx, logger, nk }) {
    const rpc = raceLobbyRematch.id;
    const { code, lobby, version } = lobbyByCode(nk, logger, rpc, input.code);
    if (!lobby.race) throw rpcError("round_not_over", `${rpc}: the race has not been started`);
    if (!lobby.race.users.some((u) => u.user_id === userId))
      throw rpcError("race_not_seated", `${rpc}: only the race's players may ask for its rematch`);
    // A match gone is over (it closes after its END and linger).
    const phase = signalLobby(nk, logger, lobby.match_id, { op: "over" });
    if (phase && "over" in phase && !phase.over) {
      if (phase.gathering) return { match_id: lobby.match_id, expires_at: lobby.expires_at };
      throw rpcError("round_not_over", `${rpc}: the race is still on`);
    }
    spendRoundStart(nk, logger, ctx, userId, rpc);
    const { users, seats } = lobby.race;
    const matchId = nk.matchCreate(LIVE_ROUND_MATCH, raceParams(users, seats, true));
    const expiresAt = Date.now() + liveConfig(ctx.env).lobbyTtlMs;
    try {
      writeOwned(nk, [
        lobbyUpdateWrite(
          code,
          { ...lobby, host: userId, match_id: matchId, expires_at: expiresAt },
          version,
        ),
      ]);
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      // Another player's rematch won; the match made here is joined by nobody and closes
      // after LIVE_JOIN_TIMEOUT_MS.
      const won = lobbyByCode(nk, logger, rpc, code).lobby;
      return { match_id: won.match_id, expires_at: won.expires_at };
    }
    signalLobby(nk, logger, lobby.match_id, { op: "rematch", match_id: matchId });
    return { match_id: matchId, expires_at: expiresAt };
  },
});
