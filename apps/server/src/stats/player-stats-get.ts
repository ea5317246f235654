import { playerStatsGet } from "@gift-grab/contracts";
import { defineHandler } from "../runtime/handle-rpc";
import { readPlayerStats } from "./player-stats";

export const playerStatsGetHandler = defineHandler(playerStatsGet, {
  run: (_input, { userId, logger, nk }) => readPlayerStats(nk, logger, userId).stats,
});
