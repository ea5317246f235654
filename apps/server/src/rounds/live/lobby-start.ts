import { raceLobbyStart } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { writeOwned } from "../../runtime/storage";
import { assertHost, lobbyByCode, signalLobby } from "./lobby-call";
import { lobbyUpdateWrite } from "./lobby-store";

/**
 * race_lobby_start: the host starts the race (the match makes its round: match.ts startLobby)
 * and the seats are kept with the code for a rematch.
 */
export const raceLobbyStartHandler = defineHandler(raceLobbyStart, {
  run(input, { userId, logger, nk }) {
    const { code, lobby, version } = lobbyByCode(nk, logger, raceLobbyStart.id, input.code);
    assertHost(lobby, userId, raceLobbyStart.id);
    const answer = signalLobby(nk, logger, lobby.match_id, {
      op: "start",
      bots: input.bots === true,
    });
    if (!answer) throw rpcError("race_code_unknown", `${raceLobbyStart.id}: this race has closed`);
    if (!("race" in answer))
      throw rpcError("race_started", `${raceLobbyStart.id}: this race has begun already`);
    // The match has started whatever happens next; a lost write only loses the rematch.
    try {
      writeOwned(nk, [lobbyUpdateWrite(code, { ...lobby, race: answer.race }, version)]);
    } catch (err) {
      logger.warn("race lobby %s: seats not kept for a rematch: %s", code, String(err));
    }
    const { users, seats } = answer.race;
    return { match_id: lobby.match_id, seats, bots: seats - users.length };
  },
});
