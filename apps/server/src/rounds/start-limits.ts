import { type StartLimitsRecord, weeklyResetAfter } from "@gift-grab/contracts";
import { Owned } from "../runtime/owned-storage";
import { type OwnedWrite, ownedWrite, readOwned } from "../runtime/storage";

/**
 * Per-player round_start bookkeeping, one storage object (server-only) read and written
 * with its version: recent start times (the per-minute limit) and the tickets handed out
 * (to count open ones and to prune old tickets). Kept in storage, not nk.localcache, so
 * the limits hold across VMs and nodes; two concurrent starts race on the version and the
 * loser is refused as rate limited (an honest client never starts two rounds at once).
 */
export const LIMITS_KEY = "starts";
export const START_WINDOW_MS = 60_000;
/**
 * Tickets tracked per player at most: past this, the oldest are deleted early. A player who
 * leaves this many rounds unsubmitted in a week is a script; the cap bounds the row.
 */
export const MAX_TRACKED_TICKETS = 1_000;

export type StartLimits = StartLimitsRecord;
export type IssuedTicket = StartLimits["tickets"][number];

/**
 * The player's limits and the version to write them with. A row that does not parse
 * counts as no starts and no tickets, and is overwritten (same version check) by the
 * next start: a corrupt row neither blocks the player nor lifts the limit for long.
 */
export function readLimits(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
): { limits: StartLimits; version: string } {
  const { value, version } = readOwned(nk, logger, Owned.roundLimits, userId, LIMITS_KEY);
  return { limits: value ?? { starts: [], tickets: [] }, version };
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

/**
 * When a round ending at `endsAt` can no longer be submitted: `windowMs` after its end, but
 * never past the weekly reset after its end (the score counts for the week it was played in).
 */
export function ticketExpiry(endsAt: number, windowMs: number): number {
  return Math.min(endsAt + windowMs, weeklyResetAfter(endsAt));
}

/**
 * Splits issued tickets into those still worth tracking and those to delete: expired past
 * their retention, and the oldest beyond MAX_TRACKED_TICKETS (the new one included).
 */
export function partitionIssued(
  tickets: IssuedTicket[],
  now: number,
  retentionMs: number,
): { keep: IssuedTicket[]; prune: IssuedTicket[] } {
  const keep: IssuedTicket[] = [];
  const prune: IssuedTicket[] = [];
  for (const t of tickets) (t.expires_at + retentionMs <= now ? prune : keep).push(t);
  const over = keep.length - (MAX_TRACKED_TICKETS - 1);
  if (over > 0) prune.push(...keep.splice(0, over));
  return { keep, prune };
}
