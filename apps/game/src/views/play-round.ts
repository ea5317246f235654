import type * as Phaser from "phaser";
import { launchOptions, tunedRound } from "../core/launch-options";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { Dialog } from "./dialog";

let preparing = false;

/**
 * Starts the round screen, false when it can't (scenes/open-round.ts: the round's scenes are
 * fetched when first wanted, so this layer is handed the way in).
 */
export type OpenRound = (scene: Phaser.Scene, round: { again: boolean }) => Promise<boolean>;

/**
 * Play from any screen: the round is asked for first, so a refusal or an outage is told
 * before it starts ("this round is practice", and why), and the player chooses to play
 * practice or go back. A press while one is being asked for is ignored. `again`: Play again
 * from game over (the count before it may be shorter, as Settings say).
 */
export async function playRound(
  scene: Phaser.Scene,
  open: OpenRound,
  options: { again?: boolean } = {},
): Promise<void> {
  if (preparing) return;
  const round = { again: options.again === true };
  // The test build's tuned rounds are practice: no seat is opened for them.
  if (tunedRound(launchOptions(scene).round)) {
    await open(scene, round);
    return;
  }
  const net = getNet();
  preparing = true;
  const { width, height } = scene.scale;
  const prepared = net.prepareRound(height > width ? "portrait" : "landscape").finally(() => {
    preparing = false;
  });
  const check = await whileRunning(scene, prepared);
  if (check.saved) {
    if (!(await open(scene, round))) net.forgetPreparedRound();
    return;
  }
  new Dialog(scene, {
    title: "Practice round",
    message: check.message,
    actions: [
      { label: "Play practice", onPress: () => void open(scene, round) },
      { label: "Back", variant: "secondary", onPress: () => net.forgetPreparedRound() },
    ],
  });
}
