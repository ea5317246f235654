import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const colors = {
  night: 0x0b1a33,
  /** the bottom of the menus' night sky, which fades up into `night` */
  dusk: 0x1d3b6e,
  panel: 0x132a52,
  panelEdge: 0x2f5597,
  button: 0x1f6feb,
  buttonHover: 0x3b82f6,
  buttonDanger: 0xc2410c,
  focus: 0xffd166,
  text: "#ffffff",
  muted: "#b8cdee",
  accent: "#ffd166",
  good: "#7ee787",
  bad: "#ff7b72",
} as const;

/** A 0xRRGGBB colour as CSS `#rrggbb`. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

/**
 * One size unit for this screen, in canvas pixels: ~1 CSS pixel on a phone, bigger on a
 * desktop, never unreadably small; times the pixel ratio the canvas draws at.
 */
export function uiScale(scene: Phaser.Scene): number {
  const r = pixelRatio();
  const width = scene.scale.width / r;
  const height = scene.scale.height / r;
  return r * Math.max(0.8, Math.min(1.7, Math.min(width / 420, height / 720)));
}

export function textStyle(
  scene: Phaser.Scene,
  size: number,
  color: string = colors.text,
  extra: Phaser.Types.GameObjects.Text.TextStyle = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONT,
    fontSize: `${Math.round(size * uiScale(scene))}px`,
    color,
    ...extra,
  };
}
