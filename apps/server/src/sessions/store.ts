/**
 * One record per login (sign-in), in Nakama storage that only the server reads or writes.
 * Keyed by the server-set login id var (`lid`) under the user's id, never by a raw token.
 * A revoked login stays revoked across Nakama restarts, unlike Nakama's in-memory session cache.
 */
export const LOGINS = "session_logins";

export interface LoginRecord {
  /** Token id shared by the login's session and refresh tokens. */
  tid: string;
  /** The current refresh generation: a refresh token with another rid is a reused, rotated one. */
  rid: string;
  /** The generation before `rid`, and when it was rotated (ms): refresh/refresh races (refresh.ts). */
  prev_rid?: string;
  rotated_ms?: number;
  /** Sign-in time, unix seconds. */
  login_at: number;
  /** No token of this login lives past this (refresh expiry), unix seconds. */
  exp: number;
  /** When the sign-in was recorded, ms: orders two sign-ins of the same second. */
  signed_in_ms?: number;
  client?: string;
  email?: string;
  revoked_at?: number;
  revoked_reason?: RevokeReason;
}

export type RevokeReason =
  | "signed_out"
  | "signed_out_everywhere"
  | "signed_in_elsewhere"
  | "refresh_reused"
  | "login_expired";

export interface StoredLogin {
  userId: string;
  lid: string;
  record: LoginRecord;
  version: string;
}

export function readLogin(
  nk: nkruntime.Nakama,
  userId: string,
  lid: string,
): StoredLogin | undefined {
  const [obj] = nk.storageRead([{ collection: LOGINS, key: lid, userId }]);
  return obj ? { userId, lid, record: obj.value as LoginRecord, version: obj.version } : undefined;
}

export function listLogins(nk: nkruntime.Nakama, userId: string): StoredLogin[] {
  const out: StoredLogin[] = [];
  let cursor: string | undefined;
  do {
    const page = nk.storageList(userId, LOGINS, 100, cursor);
    for (const obj of page.objects ?? []) {
      out.push({ userId, lid: obj.key, record: obj.value as LoginRecord, version: obj.version });
    }
    cursor = page.cursor || undefined;
  } while (cursor);
  return out;
}

/**
 * Writes a login. With `ifVersion`, only if nobody changed it since it was read: throws
 * when someone did (two refreshes racing with the same refresh token).
 */
export function writeLogin(
  nk: nkruntime.Nakama,
  userId: string,
  lid: string,
  record: LoginRecord,
  ifVersion?: string,
) {
  nk.storageWrite([
    {
      collection: LOGINS,
      key: lid,
      userId,
      value: record as unknown as { [key: string]: unknown },
      version: ifVersion,
      permissionRead: 0,
      permissionWrite: 0,
    },
  ]);
}

export function deleteLogins(nk: nkruntime.Nakama, userId: string, lids: string[]) {
  if (lids.length === 0) return;
  nk.storageDelete(lids.map((key) => ({ collection: LOGINS, key, userId })));
}

export function isLive(record: LoginRecord, now: number): boolean {
  return record.revoked_at === undefined && record.exp > now;
}

/** Revoked logins whose tokens could still be presented (not yet expired), across all users. */
export function listRevokedUnexpired(
  nk: nkruntime.Nakama,
  now: number,
): { userId: string; record: LoginRecord }[] {
  const rows = nk.sqlQuery(
    "SELECT user_id::text AS user_id, value::text AS value FROM storage WHERE collection = $1 AND value->>'revoked_at' IS NOT NULL AND (value->>'exp')::bigint > $2",
    [LOGINS, now],
  );
  return rows.map((row) => ({
    userId: String(row.user_id),
    record: JSON.parse(String(row.value)) as LoginRecord,
  }));
}

/** Did login `a` start before login `b`? Ties (same ms) are broken by login id. */
export function startedBefore(a: StoredLogin, b: { lid: string; record: LoginRecord }): boolean {
  const am = a.record.signed_in_ms ?? a.record.login_at * 1000;
  const bm = b.record.signed_in_ms ?? b.record.login_at * 1000;
  return am < bm || (am === bm && a.lid < b.lid);
}
