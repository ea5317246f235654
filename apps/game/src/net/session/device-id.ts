import { StorageKeys } from "../storage-keys";

const KEY = StorageKeys.deviceId;

/** A stable id for guest sign-in, kept in localStorage so a guest stays the same player. */
export function deviceId(storage: Storage = localStorage): string {
  let id = storage.getItem(KEY);
  if (!id) {
    id = crypto.randomUUID();
    storage.setItem(KEY, id);
  }
  return id;
}
