/**
 * Nakama's storage for unit tests, with its version rules (core_storage.go): no version
 * writes unconditionally, "*" only creates, any other version must match the stored one;
 * a failed check throws the text of runtime.ErrStorageRejectedVersion (a delete's, the text
 * of its rejection).
 */
type Key = { collection: string; key: string; userId?: string };

export function fakeStorage() {
  const objects = new Map<string, { value: unknown; version: string }>();
  let serial = 0;
  const id = (k: Key) => `${k.collection}/${k.userId}/${k.key}`;
  return {
    objects,
    /** The stored value, if any. */
    valueOf: (k: Key) => objects.get(id(k))?.value,
    storageRead: (keys: Key[]) =>
      keys.flatMap((k) => {
        const o = objects.get(id(k));
        return o ? [{ ...k, value: o.value, version: o.version }] : [];
      }),
    storageWrite: (writes: (Key & { value: unknown; version?: string })[]) =>
      writes.map((w) => {
        const cur = objects.get(id(w));
        const rejected =
          w.version === "*" ? cur !== undefined : !!w.version && cur?.version !== w.version;
        if (rejected) throw new Error("Storage write rejected - version check failed.");
        const version = String(++serial);
        objects.set(id(w), { value: structuredClone(w.value), version });
        return { ...w, version };
      }),
    // A delete with a version removes the object only at that version, and one that removes
    // nothing is rejected (core_storage.go, storageDeleteObjects); the batch is one transaction.
    storageDelete: (keys: (Key & { version?: string })[]) => {
      for (const k of keys)
        if (k.version !== undefined && objects.get(id(k))?.version !== k.version)
          throw new Error("failed to remove storage: Storage delete rejected.");
      for (const k of keys) objects.delete(id(k));
    },
  };
}
