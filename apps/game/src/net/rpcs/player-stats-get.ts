import { playerStatsGet, type RpcRequest } from "@gift-grab/contracts";
import type { GameNet, PlayerStats } from "../types";

/** Calls player_stats_get: the caller's stats, as the account screen shows them. */
export async function callPlayerStatsGet(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof playerStatsGet>,
): Promise<PlayerStats> {
  const res = await net.rpc(playerStatsGet, input);
  return {
    gamesPlayed: res.games_played,
    best: res.best,
    totalGifts: res.total_gifts,
    lastPlayedAt: res.last_played_at === null ? null : new Date(res.last_played_at),
  };
}
