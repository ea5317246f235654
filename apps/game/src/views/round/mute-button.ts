import type * as Phaser from "phaser";
import { pixelRatio } from "../../config/pixel-ratio";
import { emitGameEvent, onGameEvent } from "../../core/game-events";
import { loadSettings, saveSettings } from "../../core/settings";
import { Button } from "../button";

const WHITE = 0xffffff;
/** colors.bad as a number, for Graphics. */
const RED = 0xff7b72;

/** No smaller than a fingertip: 44×44 CSS pixels (WCAG's target size). */
export const MUTE_MIN_CSS_PX = 44;

/**
 * The round's mute: a square button with a speaker, struck through while Sound is off. It is
 * Settings' Sound (one setting, saved), so the two are always in step.
 */
export class MuteButton {
  readonly button: Button;
  private readonly icon: Phaser.GameObjects.Graphics;
  private size = 0;

  constructor(private readonly scene: Phaser.Scene) {
    this.button = new Button(scene, {
      label: "",
      variant: "secondary",
      onPress: () => this.toggle(),
    }).setDepth(60);
    this.icon = scene.add.graphics().setDepth(60.15);
    const off = onGameEvent(scene.game, "settings", () => this.draw());
    scene.events.once("shutdown", off);
  }

  get muted(): boolean {
    return !loadSettings().sound;
  }

  /** Its side in screen units: `wanted`, or 44 CSS pixels when that is more. */
  static side(wanted: number): number {
    return Math.max(wanted, MUTE_MIN_CSS_PX * pixelRatio());
  }

  place(x: number, y: number, side: number): void {
    this.size = side;
    this.button.place(x, y, side, side);
    this.icon.setPosition(x, y);
    this.draw();
  }

  setVisible(visible: boolean): void {
    this.button.setVisible(visible);
    this.icon.setVisible(visible);
  }

  private toggle() {
    emitGameEvent(this.scene, "settings", saveSettings({ ...loadSettings(), sound: this.muted }));
    this.draw();
  }

  private draw() {
    const u = this.size * 0.32;
    const g = this.icon.clear();
    const line = Math.max(2, u * 0.16);
    g.fillStyle(WHITE, 1);
    g.fillRect(-0.75 * u, -0.3 * u, 0.4 * u, 0.6 * u);
    g.fillTriangle(-0.4 * u, -0.3 * u, 0.05 * u, -0.75 * u, 0.05 * u, 0.75 * u);
    g.fillTriangle(-0.4 * u, -0.3 * u, 0.05 * u, 0.75 * u, -0.4 * u, 0.3 * u);
    g.lineStyle(line, this.muted ? RED : WHITE, 1);
    if (this.muted) {
      g.lineBetween(0.3 * u, -0.35 * u, 0.9 * u, 0.35 * u);
      g.lineBetween(0.3 * u, 0.35 * u, 0.9 * u, -0.35 * u);
      return;
    }
    for (const r of [0.4 * u, 0.75 * u]) {
      g.beginPath();
      g.arc(0.05 * u, 0, r, -Math.PI / 4, Math.PI / 4);
      g.strokePath();
    }
  }
}
