import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";

export { colors, css, FONT } from "../config/palette";

import { colors, FONT } from "../config/palette";

/**
 * One size unit for this screen, in canvas pixels: ~1 CSS pixel on a phone, bigger on a
 * desktop, never unreadably small; times the pixel ratio the canvas draws at.
 */
export function uiScale(scene: Phaser.Scene): number {
  return uiScaleAt(scene.scale.width, scene.scale.height, pixelRatio());
}

/** uiScale of a screen `width`×`height` canvas pixels drawn at pixel ratio `r`. */
export function uiScaleAt(width: number, height: number, r: number): number {
  return r * Math.max(0.8, Math.min(1.7, Math.min(width / r / 420, height / r / 720)));
}

/** The smallest text a phone held at arm's length reads, in CSS pixels. */
export const MIN_TEXT_CSS = 14;
/** The smallest target a fingertip hits, in CSS pixels (a side). */
export const MIN_TAP_CSS = 44;

/** A font size in canvas pixels: `size` at the ui scale, never under MIN_TEXT_CSS. */
export function fontPx(scene: Phaser.Scene, size: number): number {
  return Math.round(Math.max(size * uiScale(scene), MIN_TEXT_CSS * pixelRatio()));
}

export function textStyle(
  scene: Phaser.Scene,
  size: number,
  color: string = colors.text,
  extra: Phaser.Types.GameObjects.Text.TextStyle = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONT,
    fontSize: `${fontPx(scene, size)}px`,
    color,
    ...extra,
  };
}
