/**
 * Per-player round_start bookkeeping, one storage object (server-only) read and written
 * with its version: recent start times (the per-minute limit) and the tickets handed out
 * (to count open ones and to prune old tickets). Kept in storage, not nk.localcache, so
 * the limits hold across VMs and nodes; two concurrent starts race on the version and the
 * loser is refused as rate limited (an honest client never starts two rounds at once).
 */
export const LIMITS_COLLECTION = "round_limits";
export const LIMITS_KEY = "starts";
export const START_WINDOW_MS = 60_000;

export interface IssuedTicket {
  id: string;
  expires_at: number;
}

export interface StartLimits {
  starts: number[];
  tickets: IssuedTicket[];
}

export function readLimits(
  nk: nkruntime.Nakama,
  userId: string,
): { limits: StartLimits; version: string } {
  const [obj] = nk.storageRead([{ collection: LIMITS_COLLECTION, key: LIMITS_KEY, userId }]);
  if (!obj) return { limits: { starts: [], tickets: [] }, version: "*" };
  const value = obj.value as Partial<StartLimits>;
  return {
    limits: { starts: value.starts ?? [], tickets: value.tickets ?? [] },
    version: obj.version,
  };
}

export function limitsWrite(
  userId: string,
  limits: StartLimits,
  version: string,
): nkruntime.StorageWriteRequest {
  return {
    collection: LIMITS_COLLECTION,
    key: LIMITS_KEY,
    userId,
    value: limits,
    version,
    permissionRead: 0,
    permissionWrite: 0,
  };
}

/** Starts within the last minute (the window slides: no bucket edge to game). */
export function recentStarts(starts: number[], now: number): number[] {
  return starts.filter((t) => t > now - START_WINDOW_MS && t <= now);
}

/** Splits issued tickets into those still worth tracking and those to delete. */
export function partitionIssued(
  tickets: IssuedTicket[],
  now: number,
  retentionMs: number,
): { keep: IssuedTicket[]; prune: IssuedTicket[] } {
  const keep: IssuedTicket[] = [];
  const prune: IssuedTicket[] = [];
  for (const t of tickets) (t.expires_at + retentionMs <= now ? prune : keep).push(t);
  return { keep, prune };
}
