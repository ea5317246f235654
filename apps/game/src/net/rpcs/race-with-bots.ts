import { type RpcRequest, type RpcResponse, raceWithBots } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls race_with_bots: a race of the caller alone against the server's bots (nobody else searching). */
export function callRaceWithBots(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof raceWithBots>,
): Promise<RpcResponse<typeof raceWithBots>> {
  return net.rpc(raceWithBots, input);
}
