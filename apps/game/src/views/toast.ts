import type * as Phaser from "phaser";
import { emitGameEvent } from "../core/game-events";
import { colors, textStyle, uiScale } from "./theme";

/** A short message at the bottom of the scene, fading after a few seconds (announced as "toast"). */
export function showToast(scene: Phaser.Scene, message: string): void {
  const { width, height } = scene.scale;
  const s = uiScale(scene);
  const t = scene.add
    .text(
      width / 2,
      height - 44,
      message,
      textStyle(scene, 16, colors.text, {
        backgroundColor: "#000000cc",
        align: "center",
        wordWrap: { width: width - 48 },
      }),
    )
    // setStyle leaves a Text's padding as it was: padding is set on its own.
    .setPadding(12 * s, 8 * s, 12 * s, 8 * s)
    .setOrigin(0.5, 1)
    .setDepth(300);
  emitGameEvent(scene, "toast", { message });
  scene.tweens.add({
    targets: t,
    alpha: 0,
    delay: 4000,
    duration: 600,
    onComplete: () => t.destroy(),
  });
}
