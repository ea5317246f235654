import type * as Phaser from "phaser";
import { whileRunning } from "../core/while-running";
import { unreachableMessage } from "../net/messages";
import { showToast } from "../views/toast";
import { addScenes } from "./add-scenes";
import type { RoundData } from "./round";

const roundChunk = () => import("./round-scenes");

/**
 * Starts the round screen (to play or to watch) from any scene. The round's scenes
 * (round-scenes.ts: the round, game over, the live round's client and the simulation) are a
 * chunk of their own, so the first load stays within its budget (test/bundle.test.ts). False
 * when the chunk can't be fetched (the player is told, as for any unreachable server).
 */
export async function openRound(from: Phaser.Scene, data: RoundData): Promise<boolean> {
  let chunk: Awaited<ReturnType<typeof roundChunk>>;
  try {
    chunk = await whileRunning(from, roundChunk());
  } catch {
    showToast(from, unreachableMessage);
    return false;
  }
  addScenes(from, chunk.roundScenes);
  from.scene.start("Round", data);
  return true;
}

/**
 * Fetches the round's chunk while the menu is up, so Play opens the round at once, and a
 * practice round still plays if the page loses the network later. A failed fetch is tried
 * again by openRound.
 */
export function prefetchRound(from: Phaser.Scene): void {
  void whileRunning(from, roundChunk()).catch(() => {});
}
