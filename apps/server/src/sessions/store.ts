import type { LoginRecord } from "@gift-grab/contracts";
import { Owned } from "../runtime/owned-storage";
import {
  deleteOwned,
  listOwned,
  ownedWrite,
  readOwned,
  scanOwnedWithField,
  writeOwned,
} from "../runtime/storage";

/**
 * One record per login (sign-in), in Nakama storage that only the server reads or writes
 * (Owned.sessionLogins). Keyed by the server-set login id var (`lid`) under the user's id,
 * never by a raw token. A revoked login stays revoked across Nakama restarts, unlike
 * Nakama's in-memory session cache.
 *
 * A record that does not parse is no login: its session is refused as unknown, and it is
 * skipped when logins are listed (ending older logins, re-applying revocations at start).
 */
export type { LoginRecord, RevokeReason } from "@gift-grab/contracts";

export interface StoredLogin {
  userId: string;
  lid: string;
  record: LoginRecord;
  version: string;
}

export function readLogin(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  lid: string,
): StoredLogin | undefined {
  const { value, version } = readOwned(nk, logger, Owned.sessionLogins, userId, lid);
  return value ? { userId, lid, record: value, version } : undefined;
}

export function listLogins(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
): StoredLogin[] {
  return listOwned(nk, logger, Owned.sessionLogins, userId).map((obj) => ({
    userId,
    lid: obj.key,
    record: obj.value,
    version: obj.version,
  }));
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
  writeOwned(nk, [ownedWrite(Owned.sessionLogins, userId, lid, record, ifVersion)]);
}

export function deleteLogins(nk: nkruntime.Nakama, userId: string, lids: string[]) {
  deleteOwned(nk, Owned.sessionLogins, userId, lids);
}

export function isLive(record: LoginRecord, now: number): boolean {
  return record.revoked_at === undefined && record.exp > now;
}

/**
 * Revoked logins whose tokens could still be presented (not yet expired), across all users.
 * Each row is parsed on its own: one that does not parse is logged and skipped, the rest
 * still count.
 */
export function listRevokedUnexpired(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  now: number,
): { userId: string; record: LoginRecord }[] {
  return scanOwnedWithField(nk, logger, Owned.sessionLogins, "revoked_at")
    .filter((obj) => obj.value.revoked_at !== undefined && obj.value.exp > now)
    .map((obj) => ({ userId: obj.userId, record: obj.value }));
}

/** Did login `a` start before login `b`? Ties (same ms) are broken by login id. */
export function startedBefore(a: StoredLogin, b: { lid: string; record: LoginRecord }): boolean {
  const am = a.record.signed_in_ms ?? a.record.login_at * 1000;
  const bm = b.record.signed_in_ms ?? b.record.login_at * 1000;
  return am < bm || (am === bm && a.lid < b.lid);
}
