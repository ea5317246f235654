import type * as Phaser from "phaser";
import { whileRunning } from "../core/while-running";
import { addScenes } from "./add-scenes";

export type RaceSceneKey = "RaceMenu" | "RaceLobby" | "RaceWatch";

/**
 * Starts a race screen from any scene. The race's scenes (race-scenes.ts) are a chunk of their
 * own, fetched the first time: a player who never races never downloads them, and the first
 * load stays within its budget (test/bundle.test.ts).
 */
export async function openRace(from: Phaser.Scene, key: RaceSceneKey, data?: object) {
  const { raceScenes } = await whileRunning(from, import("./race-scenes"));
  addScenes(from, raceScenes);
  from.scene.start(key, data);
}
