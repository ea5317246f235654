import { raceLobbyStart } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { lobbyByCode, signalLobby } from "./lobby-call";
import { lobbyUpdateWrite } from "./lobby-store";

/**
 * race_lobby_start: the lobby's host starts the race (the match makes its round: match.ts
 * startLobby) and the seats are kept with the code for a rematch. The match says who hosts:
 * the maker, or the player it handed the lobby to when the maker left (lobby.ts handOver); the
 * record then names the one who started as the host of the rematches.
 */
export const raceLobbyStartHandler = defineHandler(raceLobbyStart, {
  run(input, { userId, logger, nk }) {
    const rpc = raceLobbyStart.id;
    const { code, lobby, version } = lobbyByCode(nk, logger, rpc, input.code);
    const answer = signalLobby(nk, logger, lobby.match_id, {
      op: "start",
      bots: input.bots === true,
      user_id: userId,
    });
    if (!answer || ("refused" in answer && answer.refused === "closed"))
      throw rpcError("race_code_unknown", `${rpc}: this race has closed`);
    if ("refused" in answer && answer.refused === "not_host")
      throw rpcError("race_not_host", `${rpc}: only the lobby's host may start it`);
    if (!("race" in answer)) throw rpcError("race_started", `${rpc}: this race has begun already`);
    // The match has started whatever happens next; a lost write only loses the rematch.
    try {
      const started = { ...lobby, host: userId, race: answer.race };
      writeOwned(nk, [lobbyUpdateWrite(code, started, version)]);
    } catch (err) {
      logger.warn("race lobby %s: seats not kept for a rematch: %s", code, String(err));
    }
    const { users, seats } = answer.race;
    return { match_id: lobby.match_id, seats, bots: seats - users.length };
  },
});
