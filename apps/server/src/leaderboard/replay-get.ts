import { replayGet } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { readReplay } from "./replays";
import { ownRecord } from "./weekly-board";

/**
 * The run behind a player's score on this week's board. A replay kept from an earlier week
 * (or one that lost a race to a better run of the same player) doesn't match the record's
 * score and is not served.
 */
export const replayGetHandler = defineHandler(replayGet, {
  run({ owner_id }, { logger, nk }) {
    const record = ownRecord(nk, owner_id);
    const replay = record ? readReplay(nk, logger, owner_id) : null;
    if (!record || !replay || replay.score !== record.score) {
      throw rpcError("replay_unknown", "replay_get: no run of this player on this week's board");
    }
    return { owner_id, username: record.username ?? "", ...replay };
  },
});
