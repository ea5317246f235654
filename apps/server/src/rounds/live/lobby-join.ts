import { raceLobbyJoin } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { liveConfig } from "./config";
import { lobbyByCode, signalLobby } from "./lobby-call";
import { racerName } from "./racer-names";

/** race_lobby_join: a seat in the code's match (the match decides: lobby-signal.ts). */
export const raceLobbyJoinHandler = defineHandler(raceLobbyJoin, {
  run(input, { userId, ctx, logger, nk }) {
    const { lobby } = lobbyByCode(nk, logger, raceLobbyJoin.id, input.code);
    const answer = signalLobby(nk, logger, lobby.match_id, {
      op: "reserve",
      user_id: userId,
      username: ctx.username ?? "",
      name: racerName(nk, userId, ctx.username ?? ""),
    });
    if (!answer || ("refused" in answer && answer.refused === "closed"))
      throw rpcError("race_code_unknown", `${raceLobbyJoin.id}: this race has closed`);
    if ("seat" in answer)
      return {
        match_id: lobby.match_id,
        seat: answer.seat,
        expires_at: lobby.expires_at,
        duration_ms: liveConfig(ctx.env).durationMs,
      };
    if ("refused" in answer && answer.refused === "full")
      throw rpcError("race_full", `${raceLobbyJoin.id}: every seat of this race is taken`);
    throw rpcError("race_started", `${raceLobbyJoin.id}: this race has begun without you`);
  },
});
