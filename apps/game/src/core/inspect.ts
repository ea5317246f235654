import type * as Phaser from "phaser";
import { emitGameEvent, type InspectKey } from "./game-events";

/**
 * Lets the test build's probe read `read()` while `scene` runs (test-entry/probe.ts). Only the
 * test build (`vite build --mode test`) emits it: Vite makes the condition `false` in every
 * other build, so the production bundle drops the call, its reader and the "inspect" event.
 */
export function inspectable(scene: Phaser.Scene, key: InspectKey, read: () => unknown): void {
  if (import.meta.env.MODE === "test") emitGameEvent(scene, "inspect", { key, scene, read });
}
