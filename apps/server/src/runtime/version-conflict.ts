/**
 * Nakama rejects a storage write whose version check fails with a GoError whose message
 * ends in runtime.ErrStorageRejectedVersion's text ("Storage write rejected - version
 * check failed."); the whole batch is rolled back (one transaction, core_storage.go).
 */
export function isVersionConflict(err: unknown): boolean {
  const message =
    typeof err === "object" && err !== null && "message" in err
      ? String((err as { message: unknown }).message)
      : String(err);
  return message.indexOf("version check failed") >= 0;
}
