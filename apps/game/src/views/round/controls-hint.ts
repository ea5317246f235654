/** The controls hint shows under the first countdown a browser sees, then never again. */
const KEY = "gift-grab.controls-hint-seen";

export function controlsHint(touch: boolean, storage: Pick<Storage, "getItem"> = localStorage) {
  if (storage.getItem(KEY)) return null;
  return touch
    ? "Touch anywhere and drag to steer Santa.\nGrab gifts, dodge the ice!"
    : "Arrow keys, WASD or the mouse steer Santa.\nGrab gifts, dodge the ice! Esc pauses.";
}

export function controlsHintSeen(storage: Pick<Storage, "setItem"> = localStorage): void {
  storage.setItem(KEY, "1");
}
