import type * as Phaser from "phaser";
import { colors, css } from "../config/palette";

/**
 * Every texture of the game, drawn with vector shapes at boot: no downloaded art.
 * Sizes are in texture pixels; sprites are scaled to the rules' radii in world units.
 */
export const TEX = {
  santaIdle: "santa-idle",
  santaLeft: "santa-left",
  santaRight: "santa-right",
  santaFrozen: "santa-frozen",
  gift: "gift",
  ice: "ice",
  flame: "flame",
  cookie: "cookie",
  flake: "flake",
  spark: "spark",
  flameAura: "flame-aura",
  sky: "sky",
  joyBase: "joy-base",
  joyKnob: "joy-knob",
} as const;

export const TEX_SIZE = 128;

/** Frames of TEX.spark, one colour each: colours are baked, not tinted (Canvas can't tint). */
export const SPARK_FRAMES = ["gold", "white", "green"] as const;
const SPARK_COLORS = [0xffd166, 0xffffff, 0x7ee787] as const;

type G = Phaser.GameObjects.Graphics;

function bake(scene: Phaser.Scene, key: string, size: number, draw: (g: G, c: number) => void) {
  if (scene.textures.exists(key)) return;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  draw(g, size / 2);
  g.generateTexture(key, size, size);
  g.destroy();
}

function santa(g: G, c: number, lean: -1 | 0 | 1, frozen: boolean) {
  // drawn 4 px low so the hat's pom-pom fits inside the texture
  const cy = c + 4;
  const dx = lean * 8;
  // motion streaks when sliding
  if (lean !== 0) {
    g.lineStyle(5, 0xffffff, 0.7);
    for (const y of [-14, 6, 26]) g.lineBetween(c - lean * 58, cy + y, c - lean * 36, cy + y);
  }
  g.fillStyle(0x000000, 0.25).fillEllipse(c, cy + 50, 76, 16);
  // body
  g.fillStyle(frozen ? 0x7fb8e6 : 0xd62828).fillCircle(c, cy + 14, 40);
  g.fillStyle(0x222222).fillRect(c - 40, cy + 18, 80, 10);
  g.fillStyle(0xffd166).fillRect(c - 8, cy + 16, 16, 14);
  // head
  g.fillStyle(0xffd7b5).fillCircle(c + dx, cy - 18, 24);
  // beard
  g.fillStyle(0xffffff).fillEllipse(c + dx, cy - 2, 46, 30);
  // eyes
  g.fillStyle(0x1b1b1b);
  g.fillCircle(c + dx - 8 + lean * 3, cy - 22, 3.5).fillCircle(c + dx + 8 + lean * 3, cy - 22, 3.5);
  // hat
  g.fillStyle(frozen ? 0x7fb8e6 : 0xd62828);
  g.fillTriangle(c + dx - 24, cy - 30, c + dx + 24, cy - 30, c + dx - lean * 26 + 10, cy - 60);
  g.fillStyle(0xffffff).fillRect(c + dx - 26, cy - 36, 52, 10);
  g.fillCircle(c + dx - lean * 26 + 10, cy - 60, 6);
  if (frozen) {
    g.fillStyle(0xbfe6ff, 0.45).fillRoundedRect(c - 50, cy - 64, 100, 118, 16);
    g.lineStyle(4, 0xe8f7ff, 0.9).strokeRoundedRect(c - 50, cy - 64, 100, 118, 16);
    g.lineStyle(3, 0xffffff, 0.8).lineBetween(c - 36, cy - 50, c - 20, cy - 30);
  }
}

/** The menus' night sky: a vertical gradient, drawn once and stretched (Canvas can't do
 * Graphics gradients). */
function bakeSky(scene: Phaser.Scene) {
  if (scene.textures.exists(TEX.sky)) return;
  const texture = scene.textures.createCanvas(TEX.sky, 2, 256);
  const ctx = texture?.getContext();
  if (!texture || !ctx) return;
  const gradient = ctx.createLinearGradient(0, 0, 0, 256);
  gradient.addColorStop(0, css(colors.night));
  gradient.addColorStop(1, css(colors.dusk));
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 2, 256);
  texture.refresh();
}

function bakeSparks(scene: Phaser.Scene) {
  if (scene.textures.exists(TEX.spark)) return;
  const size = 16;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  SPARK_COLORS.forEach((color, i) => {
    g.fillStyle(color, 1).fillCircle(i * size + size / 2, size / 2, 7);
  });
  g.generateTexture(TEX.spark, size * SPARK_COLORS.length, size);
  g.destroy();
  const texture = scene.textures.get(TEX.spark);
  SPARK_FRAMES.forEach((name, i) => {
    texture.add(name, 0, i * size, 0, size, size);
  });
}

export function generateTextures(scene: Phaser.Scene): void {
  const S = TEX_SIZE;
  bake(scene, TEX.santaIdle, S, (g, c) => santa(g, c, 0, false));
  bake(scene, TEX.santaLeft, S, (g, c) => santa(g, c, -1, false));
  bake(scene, TEX.santaRight, S, (g, c) => santa(g, c, 1, false));
  bake(scene, TEX.santaFrozen, S, (g, c) => santa(g, c, 0, true));
  bake(scene, TEX.gift, S, (g, c) => {
    g.fillStyle(0x000000, 0.2).fillEllipse(c, c + 46, 90, 16);
    g.fillStyle(0x2a9d8f).fillRoundedRect(c - 42, c - 30, 84, 72, 8);
    g.fillStyle(0x3cc1b0).fillRoundedRect(c - 48, c - 44, 96, 22, 6);
    g.fillStyle(0xffd166).fillRect(c - 8, c - 44, 16, 86);
    g.fillStyle(0xffd166)
      .fillEllipse(c - 18, c - 52, 34, 20)
      .fillEllipse(c + 18, c - 52, 34, 20);
    g.fillStyle(0xe0a800).fillCircle(c, c - 48, 8);
  });
  // Ice must read on white snow: a saturated blue block with a dark edge and a cast shadow.
  bake(scene, TEX.ice, S, (g, c) => {
    g.fillStyle(0x0b1a33, 0.25).fillRoundedRect(c - 40, c - 36, 88, 88, 14);
    g.fillStyle(0x2f86d6, 1).fillRoundedRect(c - 44, c - 44, 88, 88, 14);
    g.fillStyle(0x8fd0ff, 1).fillTriangle(c - 38, c - 38, c + 20, c - 38, c - 38, c + 20);
    g.lineStyle(5, 0x123a6b, 1).strokeRoundedRect(c - 44, c - 44, 88, 88, 14);
    g.lineStyle(3, 0xffffff, 0.9).lineBetween(c + 10, c + 34, c + 34, c + 6);
  });
  bake(scene, TEX.flame, S, (g, c) => {
    g.fillStyle(0xff7b00, 0.35).fillCircle(c, c + 6, 48);
    g.fillStyle(0xff5400).fillEllipse(c, c + 12, 60, 70);
    g.fillTriangle(c - 30, c + 4, c + 30, c + 4, c, c - 52);
    g.fillStyle(0xffb400).fillEllipse(c, c + 18, 40, 46);
    g.fillTriangle(c - 20, c + 12, c + 20, c + 12, c + 4, c - 30);
    g.fillStyle(0xfff3b0).fillEllipse(c, c + 24, 20, 24);
  });
  bake(scene, TEX.cookie, S, (g, c) => {
    g.fillStyle(0xffffff, 0.25).fillCircle(c, c, 52);
    g.fillStyle(0xc68642).fillCircle(c, c, 42);
    g.fillStyle(0xe0a96d).fillCircle(c - 6, c - 6, 34);
    g.fillStyle(0x4a2c12);
    for (const [x, y] of [
      [-14, -14],
      [12, -18],
      [-4, 6],
      [18, 10],
      [-20, 14],
      [4, 24],
    ] as const)
      g.fillCircle(c + x, c + y, 5);
  });
  bake(scene, TEX.flake, 16, (g, c) => {
    g.fillStyle(0xffffff, 1).fillCircle(c, c, 6);
  });
  bakeSparks(scene);
  bakeSky(scene);
  // Santa's glow while the flame power-up protects him
  bake(scene, TEX.flameAura, S, (g, c) => {
    g.fillStyle(0xff9f1c, 0.18).fillCircle(c, c, 62);
    g.fillStyle(0xffb347, 0.22).fillCircle(c, c, 52);
    g.lineStyle(4, 0xffc15e, 0.85).strokeCircle(c, c, 56);
  });
  // the floating stick: dark with a light rim so it reads on snow; drawn translucent in play
  bake(scene, TEX.joyBase, 160, (g, c) => {
    g.fillStyle(0x0b1a33, 0.28).fillCircle(c, c, 76);
    g.lineStyle(5, 0x0b1a33, 0.55).strokeCircle(c, c, 73);
    g.lineStyle(2, 0xffffff, 0.6).strokeCircle(c, c, 77);
  });
  bake(scene, TEX.joyKnob, 80, (g, c) => {
    g.fillStyle(0x1f6feb, 0.85).fillCircle(c, c, 36);
    g.lineStyle(3, 0xffffff, 0.8).strokeCircle(c, c, 35);
  });
}
