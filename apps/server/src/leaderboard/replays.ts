import type { ReplayRecord } from "@gift-grab/contracts";
import { Owned } from "../runtime/owned-storage";
import { type OwnedWrite, ownedWrite, readOwned } from "../runtime/storage";

/**
 * The replay of each player's weekly best: one object per player (key `weekly_best`) in
 * Owned.roundReplays, written only by the server and read by no client directly:
 * replay_get serves it for players on this week's board.
 */
const REPLAY_KEY = "weekly_best";

export function replayWrite(userId: string, replay: ReplayRecord): OwnedWrite {
  return ownedWrite(Owned.roundReplays, userId, REPLAY_KEY, replay);
}

export function readReplay(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
): ReplayRecord | null {
  return readOwned(nk, logger, Owned.roundReplays, userId, REPLAY_KEY).value ?? null;
}
