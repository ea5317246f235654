/** The message of whatever was thrown: a GoError's, an Error's, a plain object's or a string. */
export function messageOf(err: unknown): string {
  return typeof err === "object" && err !== null && "message" in err
    ? String((err as { message: unknown }).message)
    : String(err);
}

/**
 * Nakama rejects a storage write whose version check fails with a GoError whose message
 * ends in runtime.ErrStorageRejectedVersion's text ("Storage write rejected - version
 * check failed."); the whole batch is rolled back (one transaction, core_storage.go).
 */
export function isVersionConflict(err: unknown): boolean {
  return messageOf(err).indexOf("version check failed") >= 0;
}

/**
 * Nakama rejects a delete with a version that removed nothing (the object was gone or at
 * another version) with "Storage delete rejected." (core_storage.go, storageDeleteObjects):
 * the JS runtime's GoError says "failed to remove storage: … Storage delete rejected.".
 */
export function isDeleteRejected(err: unknown): boolean {
  return messageOf(err).indexOf("Storage delete rejected") >= 0;
}
