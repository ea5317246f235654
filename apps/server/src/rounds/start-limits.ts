import type { StartLimitsRecord } from "@gift-grab/contracts";
import { Owned } from "../runtime/owned-storage";
import { type OwnedWrite, ownedWrite, readOwned } from "../runtime/storage";

/**
 * Per-player round starts, one storage object (server-only) read and written with its
 * version: recent start times (the per-minute limit, live/start-spend.ts). Kept in storage,
 * not nk.localcache, so the limit holds across VMs and nodes; two concurrent starts race on
 * the version and the loser is refused as rate limited (an honest client never opens two
 * rounds at once).
 */
export const LIMITS_KEY = "starts";
export const START_WINDOW_MS = 60_000;
export type StartLimits = StartLimitsRecord;

/**
 * The player's limits and the version to write them with. A row that does not parse
 * counts as no starts, and is overwritten (same version check) by the
 * next start: a corrupt row neither blocks the player nor lifts the limit for long.
 */
export function readLimits(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
): { limits: StartLimits; version: string } {
  const { value, version } = readOwned(nk, logger, Owned.roundLimits, userId, LIMITS_KEY);
  return { limits: value ?? { starts: [] }, version };
}

export function limitsWrite(userId: string, limits: StartLimits, version: string): OwnedWrite {
  return ownedWrite(Owned.roundLimits, userId, LIMITS_KEY, limits, version);
}

/** Starts within the last minute (the window slides: no bucket edge to game). */
export function recentStarts(starts: number[], now: number): number[] {
  return starts.filter((t) => t > now - START_WINDOW_MS && t <= now);
}

/** Whole seconds until the oldest of a full minute's starts leaves the window (at least 1). */
export function retryInSeconds(starts: number[], now: number): number {
  const oldest = Math.min(...starts);
  return Math.max(1, Math.ceil((oldest + START_WINDOW_MS - now) / 1000));
}
