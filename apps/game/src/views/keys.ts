import type * as Phaser from "phaser";

/**
 * Calls `handler` once for every keydown while the scene runs (removed on shutdown).
 *
 * Why not `scene.input.keyboard.on("keydown")`: Phaser's KeyboardManager keeps every key event
 * of a frame in one queue and re-dispatches the whole queue on each new event, skipping only an
 * exact repeat of the previous one. Two keys pressed within one frame (a fast player, a test)
 * then reach the listener two or three times: focus jumps, pause toggles back. Menu and pause
 * keys are discrete actions, so they listen to the DOM directly; Santa's movement polls
 * `Key.isDown`, which repeats don't change.
 */
export function onKeyDown(
  scene: Phaser.Scene,
  handler: (event: KeyboardEvent) => void,
): () => void {
  const listener = (event: KeyboardEvent) => {
    if (scene.sys.isActive()) handler(event);
  };
  window.addEventListener("keydown", listener);
  const off = () => window.removeEventListener("keydown", listener);
  scene.events.once("shutdown", off);
  scene.events.once("destroy", off);
  return off;
}
