import { type RpcRequest, roundStart } from "@gift-grab/contracts";
import type { GameNet, RoundTicket } from "../types";

/** Calls round_start: the ticket of a new round, as the game keeps it. */
export async function callRoundStart(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof roundStart>,
): Promise<RoundTicket> {
  const res = await net.rpc(roundStart, input);
  return {
    ticket: res.ticket,
    durationMs: res.duration_ms,
    seed: res.seed,
    orientation: res.orientation,
    startedAt: new Date(res.started_at),
  };
}
