import type { SceneKey } from "../core/game-events";
import { type Settings, soundLevel } from "../core/settings";

/** What the music depends on. */
export interface MusicConditions {
  /** A user gesture has happened: browsers refuse to start audio before one. */
  unlocked: boolean;
  /** The page is hidden (another tab, a locked phone). */
  hidden: boolean;
  /** The scene in front, and whether it is paused. */
  scene: SceneKey | null;
  paused: boolean;
  /** The "signed in elsewhere" modal is up: the game stands still until the player chooses. */
  kicked: boolean;
  settings: Settings;
}

/** During a round the music plays at this share, under the effects the player acts on. */
export const ROUND_SHARE = 0.5;

/**
 * How loud the background music plays, 0..1 of full (0: not at all). It plays on every screen
 * once the player has touched the page; quieter during a round; never while the round is
 * paused, the page hidden or the player signed in elsewhere; Music off silences it, Sound off or volume 0 silences everything.
 */
export function musicLevel(c: MusicConditions): number {
  if (!c.unlocked || c.hidden || c.paused || c.kicked || !c.settings.music) return 0;
  const level = soundLevel(c.settings);
  return c.scene === "Round" ? level * ROUND_SHARE : level;
}
