/** Player settings, persisted in localStorage. */
export interface Settings {
  sound: boolean;
  /** 0..1 */
  volume: number;
}

const KEY = "gift-grab.settings";
const defaults: Settings = { sound: true, volume: 0.7 };

export function parseSettings(raw: string | null): Settings {
  if (!raw) return { ...defaults };
  try {
    const v = JSON.parse(raw) as Partial<Settings>;
    return {
      sound: typeof v.sound === "boolean" ? v.sound : defaults.sound,
      volume:
        typeof v.volume === "number" && Number.isFinite(v.volume)
          ? Math.min(1, Math.max(0, v.volume))
          : defaults.volume,
    };
  } catch {
    return { ...defaults };
  }
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
    volume: Math.round(Math.min(1, Math.max(0, next.volume)) * 10) / 10,
  };
  storage.setItem(KEY, JSON.stringify(cached));
  return cached;
}
