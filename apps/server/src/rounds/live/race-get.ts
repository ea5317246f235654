import { raceGet } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import { defineHandler } from "../../runtime/handle-rpc";
import { readRace } from "./race-store";

/** A finished race to watch (race-store.ts), for any signed-in player. */
export const raceGetHandler = defineHandler(raceGet, {
  run({ match_id }, { logger, nk }) {
    const race = readRace(nk, logger, match_id);
    if (!race) throw rpcError("replay_unknown", "race_get: no finished race of this id");
    return { ...race, match_id };
  },
});
