import { describeIssues } from "@gift-grab/contracts";
import type * as z from "zod/mini";
import type { OwnedCollection } from "./owned-storage";
import { isDeleteRejected, messageOf } from "./version-conflict";

/**
 * The only code that touches Nakama storage (test/unit/owned-storage.test.ts checks it):
 * every call takes an entry of the registry in owned-storage.ts, so nothing is written to
 * a collection the registry does not list, and every value read back is parsed with the
 * entry's schema. A row that does not parse is logged (collection, key, user; never the
 * value) and treated as absent for that one object: the caller decides what absent means.
 */

type Value<C extends OwnedCollection> = z.output<C["schema"]>;

/** Nakama's system user: the owner of what belongs to no player (races, lobbies, held runs). */
export const SYSTEM_USER = "00000000-0000-0000-0000-000000000000";

/** One object of an owned collection, its value parsed. */
export interface OwnedObject<T> {
  userId: string;
  key: string;
  value: T;
  version: string;
}

/**
 * What a read found at one key: `value` is undefined when the object is absent or corrupt.
 * `version` is the one to write with: "*" (only while still absent) or the version read,
 * so a corrupt row is overwritten under the same version check as a good one.
 */
export interface OwnedRead<T> {
  value: T | undefined;
  version: string;
}

function parsed<C extends OwnedCollection>(
  logger: nkruntime.Logger,
  entry: C,
  obj: { userId: string; key: string; value: unknown; version: string },
): OwnedObject<Value<C>> | undefined {
  const result = entry.schema.safeParse(obj.value);
  if (result.success) return { ...obj, value: result.data as Value<C> };
  logger.warn(
    "storage: %s/%s of user %s is corrupt, treated as absent: %s",
    entry.collection,
    obj.key,
    obj.userId,
    describeIssues(result.error),
  );
  return undefined;
}

function fromNakama(obj: nkruntime.StorageObject) {
  return { userId: obj.userId ?? "", key: obj.key, value: obj.value, version: obj.version };
}

export function readOwned<C extends OwnedCollection>(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  entry: C,
  userId: string,
  key: string,
): OwnedRead<Value<C>> {
  const [obj] = nk.storageRead([{ collection: entry.collection, key, userId }]);
  if (!obj) return { value: undefined, version: "*" };
  return { value: parsed(logger, entry, fromNakama(obj))?.value, version: obj.version };
}

/** The objects at these keys that exist and parse (in no particular order). */
export function readOwnedMany<C extends OwnedCollection>(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  entry: C,
  ids: { userId: string; key: string }[],
): OwnedObject<Value<C>>[] {
  if (ids.length === 0) return [];
  const objs = nk.storageRead(ids.map((id) => ({ collection: entry.collection, ...id })));
  return objs.flatMap((obj) => parsed(logger, entry, fromNakama(obj)) ?? []);
}

/** A page of one owner's objects in an entry's collection, in key order. */
export interface OwnedPage<T> {
  /** The objects of the page that parse (a corrupt one is logged and left out). */
  objects: OwnedObject<T>[];
  /** For the next page; null after the last. */
  cursor: string | null;
}

/**
 * A page of `userId`'s objects in the entry's collection, in key order (core_storage.go:
 * ORDER BY key). A cursor Nakama can't read throws (isMalformedCursor).
 */
export function listOwned<C extends OwnedCollection>(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  entry: C,
  userId: string,
  limit: number,
  cursor?: string,
): OwnedPage<Value<C>> {
  const page = nk.storageList(userId, entry.collection, limit, cursor);
  return {
    objects: (page.objects ?? []).flatMap((obj) => parsed(logger, entry, fromNakama(obj)) ?? []),
    cursor: page.cursor || null,
  };
}

/** Nakama refused a list cursor it didn't make ("Malformed cursor was used."). */
export function isMalformedCursor(err: unknown): boolean {
  return messageOf(err).indexOf("Malformed cursor") >= 0;
}

declare const ownedWriteBrand: unique symbol;
/** A write built by {@link ownedWrite}: the only kind {@link writeOwned} takes. */
export type OwnedWrite = nkruntime.StorageWriteRequest & { readonly [ownedWriteBrand]: true };

/**
 * A write of one object with the entry's permissions. `version`: "*" writes only if absent,
 * a version only if unchanged since read, undefined unconditionally.
 */
export function ownedWrite<C extends OwnedCollection>(
  entry: C,
  userId: string,
  key: string,
  value: Value<C>,
  version?: string,
): OwnedWrite {
  return {
    collection: entry.collection,
    key,
    userId,
    value: value as { [key: string]: unknown },
    version,
    permissionRead: entry.permissionRead,
    permissionWrite: entry.permissionWrite,
  } as OwnedWrite;
}

/** One transaction: the whole batch commits or none of it (core_storage.go). */
export function writeOwned(
  nk: nkruntime.Nakama,
  writes: OwnedWrite[],
): nkruntime.StorageWriteAck[] {
  return nk.storageWrite(writes);
}

export function deleteOwned(
  nk: nkruntime.Nakama,
  entry: OwnedCollection,
  userId: string,
  keys: string[],
) {
  if (keys.length === 0) return;
  nk.storageDelete(keys.map((key) => ({ collection: entry.collection, key, userId })));
}

/**
 * Deletes one object only if it is still at `version` (the one read): true if this call
 * deleted it, false if it was gone or changed meanwhile. Of two callers that read the same
 * version, exactly one deletes it: the row's delete is conditional on the version
 * (core_storage.go: `AND version = $4`), and Nakama rejects a conditional delete that
 * removed nothing ("Storage delete rejected").
 */
export function deleteOwnedAt(
  nk: nkruntime.Nakama,
  entry: OwnedCollection,
  userId: string,
  key: string,
  version: string,
): boolean {
  try {
    nk.storageDelete([{ collection: entry.collection, key, userId, version }]);
    return true;
  } catch (err) {
    if (isDeleteRejected(err)) return false;
    throw err;
  }
}
