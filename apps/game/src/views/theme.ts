import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";

export { colors, css, FONT } from "../config/palette";

import { colors, FONT } from "../config/palette";

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
