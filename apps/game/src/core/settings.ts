/** Player settings, persisted in localStorage. */
export interface Settings {
  /** Effects and music: off silences both. */
  sound: boolean;
  /** Background music only. */
  music: boolean;
  /** 0..1 */
  volume: number;
  /** Touch steering: Santa follows the finger, or a floating stick under the thumb. */
  touch: TouchSteering;
  /** Play again from game over starts after a short count (1 s) instead of the full 3-2-1. */
  quickRestart: boolean;
}

export type TouchSteering = "follow" | "stick";

const KEY = "gift-grab.settings";
const defaults: Settings = {
  sound: true,
  music: true,
  volume: 0.7,
  touch: "follow",
  quickRestart: true,
};

/** The count before a round started by Play again, when quickRestart is on. */
export const QUICK_RESTART_COUNTDOWN_MS = 1000;

function flag(v: unknown, fallback: boolean): boolean {
  return typeof v === "boolean" ? v : fallback;
}

export function parseSettings(raw: string | null): Settings {
  if (!raw) return { ...defaults };
  try {
    const v = JSON.parse(raw) as Partial<Settings> | null;
    return {
      sound: flag(v?.sound, defaults.sound),
      music: flag(v?.music, defaults.music),
      quickRestart: flag(v?.quickRestart, defaults.quickRestart),
      volume:
        typeof v?.volume === "number" && Number.isFinite(v.volume)
          ? Math.min(1, Math.max(0, v.volume))
          : defaults.volume,
      touch: v?.touch === "stick" ? "stick" : defaults.touch,
    };
  } catch {
    return { ...defaults };
  }
}

/** How loud sound plays, 0..1: 0 when Sound is off or the volume is at 0. */
export function soundLevel(s: Settings): number {
  return s.sound ? s.volume : 0;
}

/** The count before a round Play again started: shortened when the player chose so. */
export function restartCountdownMs(s: Settings, countdownMs: number): number {
  return s.quickRestart ? Math.min(countdownMs, QUICK_RESTART_COUNTDOWN_MS) : countdownMs;
}

let cached: Settings | null = null;

export function loadSettings(storage: Pick<Storage, "getItem"> = localStorage): Settings {
  cached ??= parseSettings(storage.getItem(KEY));
  return cached;
}

export function saveSettings(
  next: Settings,
  storage: Pick<Storage, "setItem"> = localStorage,
): Settings {
  cached = {
    sound: next.sound,
    music: next.music,
    quickRestart: next.quickRestart,
    volume: Math.round(Math.min(1, Math.max(0, next.volume)) * 10) / 10,
    touch: next.touch === "stick" ? "stick" : "follow",
  };
  storage.setItem(KEY, JSON.stringify(cached));
  return cached;
}
