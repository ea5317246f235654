import { describe, expect, it } from "vitest";
import {
  parseSettings,
  QUICK_RESTART_COUNTDOWN_MS,
  restartCountdownMs,
  type Settings,
  saveSettings,
  soundLevel,
} from "../../src/core/settings";

const defaults: Settings = {
  sound: true,
  music: true,
  volume: 0.7,
  touch: "follow",
  quickRestart: true,
};

describe("settings", () => {
  it("parses stored settings, falling back on junk field by field", () => {
    expect(parseSettings(null)).toEqual(defaults);
    expect(
      parseSettings('{"sound":false,"music":false,"volume":0.3,"quickRestart":false}'),
    ).toEqual({
      sound: false,
      music: false,
      volume: 0.3,
      touch: "follow",
      quickRestart: false,
    });
    expect(parseSettings('{"sound":"no","music":1,"volume":7}')).toEqual({
      ...defaults,
      volume: 1,
    });
    expect(parseSettings('{"volume":-2}')).toEqual({ ...defaults, volume: 0 });
    expect(parseSettings("{oops")).toEqual(defaults);
    expect(parseSettings("null")).toEqual(defaults);
  });

  it("reads settings saved before Music existed with music on", () => {
    expect(parseSettings('{"sound":false,"volume":0.6}')).toEqual({
      sound: false,
      music: true,
      volume: 0.6,
      touch: "follow",
      quickRestart: true,
    });
  });

  it("saves what it parses back, the volume in tenths", () => {
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => stored.set(k, v) };
    const saved = saveSettings(
      { sound: true, music: false, volume: 0.649, touch: "stick", quickRestart: false },
      storage,
    );
    expect(saved).toEqual({
      sound: true,
      music: false,
      volume: 0.6,
      touch: "stick",
      quickRestart: false,
    });
    expect(parseSettings([...stored.values()][0] ?? null)).toEqual(saved);
  });

  it("follows the finger unless the stick was chosen", () => {
    expect(parseSettings('{"touch":"stick"}').touch).toBe("stick");
    expect(parseSettings('{"touch":"joystick"}').touch).toBe("follow");
  });

  it("is silent when Sound is off or the volume is at 0", () => {
    expect(soundLevel({ ...defaults, volume: 0.5 })).toBe(0.5);
    expect(soundLevel({ ...defaults, sound: false, volume: 0.5 })).toBe(0);
    expect(soundLevel({ ...defaults, volume: 0 })).toBe(0);
  });

  it("shortens Play again's count to a second with quick restarts on, and never lengthens it", () => {
    expect(restartCountdownMs(defaults, 3000)).toBe(QUICK_RESTART_COUNTDOWN_MS);
    expect(restartCountdownMs(defaults, 0)).toBe(0);
    expect(restartCountdownMs({ ...defaults, quickRestart: false }, 3000)).toBe(3000);
  });
});
