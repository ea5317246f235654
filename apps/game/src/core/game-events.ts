import type * as Phaser from "phaser";
import type { Settings } from "./settings";

/** The sound effects (audio/sfx.ts plays them): named here, where they are announced. */
export type Sfx = "grab" | "freeze" | "flame" | "cookie" | "end" | "click";

/** Every scene's key: a scene reports itself by one of these. */
export type SceneKey =
  | "Boot"
  | "SignIn"
  | "Menu"
  | "Account"
  | "Settings"
  | "Leaderboard"
  | "Round"
  | "GameOver"
  | "SharedRun"
  | "RaceMenu"
  | "RaceLobby"
  | "Race"
  | "RaceResults"
  | "RaceWatch"
  | "Overlay";

/** What the screen in front is doing. */
export type ScreenStatus =
  | "connecting"
  | "ready"
  | "error"
  | "signing_in"
  | "loading"
  | "starting"
  | "countdown"
  | "playing"
  | "paused"
  | "over"
  | "saving"
  | "watched";

/** Live facts a scene lets observers read while it runs (read on demand, never pushed). */
export type InspectKey =
  | "round"
  | "account"
  | "leaderboard"
  | "gameOver"
  | "sharedRun"
  | "settings"
  | "connection"
  | "kicked"
  | "race"
  | "raceLobby"
  | "raceResults"
  | "raceWatch";

/**
 * The game's own events, by name: what happened, as plain data. Scenes emit them on the
 * game's event bus; anything may listen (the test build's probe answers the e2e tests from
 * them). One map, so an event or a status renamed on one side fails to compile on the other.
 */
export interface GameEvents {
  /** A scene came to the front. */
  screen: { scene: SceneKey; status: ScreenStatus };
  /** The front scene's status changed; `lastError` is a refusal the player was shown. */
  status: { status: ScreenStatus; lastError?: string; error?: string };
  toast: { message: string };
  /** The signed-in-elsewhere modal opened (with the server's reason) or closed (null). */
  kick: { reason: string | null };
  /** A modal question opened (title and message as shown) or closed (null). */
  dialog: { title: string; message: string } | null;
  sfx: { name: Sfx };
  /** The player changed a setting: the settings now. */
  settings: Settings;
  /** The background music started or stopped. */
  music: { state: "playing" | "stopped" };
  /** `read` answers while `scene` runs. */
  inspect: { key: InspectKey; scene: Phaser.Scene; read: () => unknown };
}

const PREFIX = "gift-grab:";

/** `from` is the scene that emits, or `{ game }` for the game's own services. */
export function emitGameEvent<K extends keyof GameEvents>(
  from: Pick<Phaser.Scene, "game">,
  name: K,
  payload: GameEvents[K],
): void {
  from.game.events.emit(PREFIX + name, payload);
}

/** Returns a function that stops listening. */
export function onGameEvent<K extends keyof GameEvents>(
  game: Phaser.Game,
  name: K,
  listener: (payload: GameEvents[K]) => void,
): () => void {
  game.events.on(PREFIX + name, listener);
  return () => game.events.off(PREFIX + name, listener);
}
