import { replayGet } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { readReplay } from "./replays";
import { currentNames, ownRecord } from "./weekly-board";

/**
 * The run behind a player's score on this week's board. A replay kept from an earlier week
 * (or one that lost a race to a better run of the same player) doesn't match the record's
 * score and is not served. The username is the account's now (one users read by id), not
 * the one the record was written with, which a rename leaves behind.
 */
export const replayGetHandler = defineHandler(replayGet, {
  run({ owner_id }, { logger, nk }) {
    const record = ownRecord(nk, owner_id);
    const replay = record ? readReplay(nk, logger, owner_id) : null;
    if (!record || !replay || replay.score !== record.score) {
      throw rpcError("replay_unknown", "replay_get: no run of this player on this week's board");
    }
    const username = currentNames(nk, [record]).get(owner_id)?.username || record.username || "";
    return { owner_id, username, ...replay };
  },
});
