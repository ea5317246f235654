import { Session } from "@heroiclabs/nakama-js";
import { REFRESH_LOCK, StorageKeys } from "../storage-keys";
import { browserLocks } from "./tab-lease";
import type { Tokens } from "./tokens";

/** nakama-js wants a Session; only its token is read with autoRefreshSession off. */
export function nakamaSession(tokens: Tokens): Session {
  return Object.assign(Object.create(Session.prototype) as Session, {
    token: tokens.token,
    refresh_token: tokens.refreshToken,
  });
}

/** One refresh at a time across this browser's tabs (Web Locks), where the browser has them. */
export function webLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = browserLocks();
  return locks ? (locks.request(REFRESH_LOCK, {}, fn) as Promise<T>) : fn();
}

/** Other tabs writing the session key (the `storage` event only fires in the other tabs). */
export function storageEvents(storage: Storage) {
  return (listener: (raw: string | null) => void) => {
    if (typeof window === "undefined") return () => {};
    const onStorage = (e: StorageEvent) => {
      if (e.storageArea !== storage) return;
      if (e.key === StorageKeys.session) listener(e.newValue);
      else if (e.key === null) listener(null);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  };
}
