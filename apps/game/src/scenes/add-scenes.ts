import type * as Phaser from "phaser";

/**
 * Adds a chunk's scenes (round-scenes.ts, race-scenes.ts) the game does not have yet, under
 * Overlay, which draws over every scene.
 */
export function addScenes(
  from: Phaser.Scene,
  scenes: Readonly<Record<string, Phaser.Types.Scenes.SceneType>>,
): void {
  for (const [name, scene] of Object.entries(scenes))
    if (!from.scene.get(name)) from.scene.add(name, scene, false);
  from.scene.bringToTop("Overlay");
}
