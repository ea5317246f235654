/** Everything the net layer keeps in localStorage, in one place (docs/security.md explains why localStorage). */
export const StorageKeys = {
  /** {token, refreshToken} of the signed-in player. */
  session: "gift-grab.session",
  /** The guest's device id: the same guest on every visit from this browser. */
  deviceId: "gift-grab.device-id",
} as const;

/** The Web Lock that makes one refresh at a time across this browser's tabs. */
export const REFRESH_LOCK = "gift-grab.refresh";

/** The Web Lock held by the one tab of this browser that plays (net/session/tab-lease.ts). */
export const PLAYING_TAB_LOCK = "gift-grab.playing-tab";
