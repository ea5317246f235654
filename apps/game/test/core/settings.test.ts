import { describe, expect, it } from "vitest";
import { parseSettings, saveSettings, soundLevel } from "../../src/core/settings";

const defaults = { sound: true, music: true, volume: 0.7 };

describe("settings", () => {
  it("parses stored settings, falling back on junk field by field", () => {
    expect(parseSettings(null)).toEqual(defaults);
    expect(parseSettings('{"sound":false,"music":false,"volume":0.3}')).toEqual({
      sound: false,
      music: false,
      volume: 0.3,
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
    });
  });

  it("saves what it parses back, the volume in tenths", () => {
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => stored.set(k, v) };
    const saved = saveSettings({ sound: true, music: false, volume: 0.649 }, storage);
    expect(saved).toEqual({ sound: true, music: false, volume: 0.6 });
    expect(parseSettings([...stored.values()][0] ?? null)).toEqual(saved);
  });

  it("is silent when Sound is off or the volume is at 0", () => {
    expect(soundLevel({ sound: true, music: true, volume: 0.5 })).toBe(0.5);
    expect(soundLevel({ sound: false, music: true, volume: 0.5 })).toBe(0);
    expect(soundLevel({ sound: true, music: true, volume: 0 })).toBe(0);
  });
});
