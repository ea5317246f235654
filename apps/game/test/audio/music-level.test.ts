import { describe, expect, it } from "vitest";
import { type MusicConditions, musicLevel, ROUND_SHARE } from "../../src/audio/music-level";

const menu: MusicConditions = {
  unlocked: true,
  hidden: false,
  scene: "Menu",
  paused: false,
  kicked: false,
  settings: { sound: true, music: true, volume: 0.8, touch: "follow", quickRestart: true },
};
const settings = (patch: Partial<MusicConditions["settings"]>) => ({
  ...menu,
  settings: { ...menu.settings, ...patch },
});

describe("how loud the music plays", () => {
  it("plays at the volume on menus, quieter during a round", () => {
    expect(musicLevel(menu)).toBe(0.8);
    expect(musicLevel({ ...menu, scene: "Settings" })).toBe(0.8);
    expect(musicLevel({ ...menu, scene: "Round" })).toBeCloseTo(0.8 * ROUND_SHARE, 9);
    expect(ROUND_SHARE).toBeLessThan(1);
  });

  it("waits for a gesture, and stops while hidden, paused or signed in elsewhere", () => {
    expect(musicLevel({ ...menu, unlocked: false })).toBe(0);
    expect(musicLevel({ ...menu, hidden: true })).toBe(0);
    expect(musicLevel({ ...menu, scene: "Round", paused: true })).toBe(0);
    expect(musicLevel({ ...menu, kicked: true })).toBe(0);
  });

  it("is silenced by Music off, Sound off, and volume 0", () => {
    expect(musicLevel(settings({ music: false }))).toBe(0);
    expect(musicLevel(settings({ sound: false }))).toBe(0);
    expect(musicLevel(settings({ volume: 0 }))).toBe(0);
  });
});
