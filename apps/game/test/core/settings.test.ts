import { describe, expect, it } from "vitest";
import { parseSettings, type Settings, saveSettings, soundLevel } from "../../src/core/settings";

const defaults: Settings = { sound: true, music: true, volume: 0.7, touch: "follow" };

describe("settings", () => {
  it("parses stored settings, falling back on junk field by field", () => {
    expect(parseSettings(null)).toEqual(defaults);
    expect(parseSettings('{"sound":false,"music":false,"volume":0.3}')).toEqual({
      sound: false,
      music: false,
      volume: 0.3,
      touch: "follow",
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
    });
  });

  it("saves what it parses back, the volume in tenths", () => {
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => stored.set(k, v) };
    const saved = saveSettings(
      { sound: true, music: false, volume: 0.649, touch: "stick" },
      storage,
    );
    expect(saved).toEqual({ sound: true, music: false, volume: 0.6, touch: "stick" });
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
});
