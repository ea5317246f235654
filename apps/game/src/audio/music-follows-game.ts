import * as Phaser from "phaser";
import { emitGameEvent, onGameEvent } from "../core/game-events";
import { loadSettings } from "../core/settings";
import { MusicPlayer } from "./music";
import { type MusicConditions, musicLevel } from "./music-level";

/** Any of these counts as the user gesture browsers wait for before audio may start. */
const GESTURES = ["pointerdown", "keydown", "touchend"] as const;

/**
 * Keeps the background music in step with the game: the screen in front and its pause (from
 * the game's events), the signed-in-elsewhere modal, the settings, the page's visibility and the first gesture. Announces
 * each change of playing/stopped on the game's bus as a "music" event.
 */
export function musicFollowsGame(game: Phaser.Game, player = new MusicPlayer()): void {
  const now: MusicConditions = {
    unlocked: false,
    hidden: document.hidden,
    scene: null,
    paused: false,
    kicked: false,
    settings: loadSettings(),
  };
  let announced: boolean | null = null;
  const update = (change: Partial<MusicConditions>) => {
    Object.assign(now, change);
    player.setLevel(musicLevel(now));
    if (player.playing === announced) return;
    announced = player.playing;
    emitGameEvent({ game }, "music", { state: announced ? "playing" : "stopped" });
  };

  onGameEvent(game, "screen", ({ scene }) => update({ scene, paused: false }));
  onGameEvent(game, "status", ({ status }) => update({ paused: status === "paused" }));
  onGameEvent(game, "kick", ({ reason }) => update({ kicked: reason !== null }));
  onGameEvent(game, "settings", (settings) => update({ settings }));
  game.events.on(Phaser.Core.Events.HIDDEN, () => update({ hidden: true }));
  game.events.on(Phaser.Core.Events.VISIBLE, () => update({ hidden: false }));
  const unlock = () => {
    for (const type of GESTURES) window.removeEventListener(type, unlock, true);
    update({ unlocked: true });
  };
  for (const type of GESTURES) window.addEventListener(type, unlock, true);
}
