import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";
import { colors, MIN_TAP_CSS, textStyle, uiScale } from "./theme";

export interface ButtonOptions {
  label: string;
  onPress: () => void;
  variant?: "primary" | "secondary" | "danger";
  /** Base font size before ui scaling. */
  fontSize?: number;
}

/**
 * A button that works with mouse, touch and keyboard (through a FocusGroup). A Zone takes the
 * pointer, a Graphics draws the pill and a Text the label; `place` lays it out.
 */
export class Button {
  readonly zone: Phaser.GameObjects.Zone;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private focused = false;
  private hovered = false;
  private enabled = true;
  private w = 0;
  private h = 0;

  constructor(
    readonly scene: Phaser.Scene,
    private options: ButtonOptions,
  ) {
    this.bg = scene.add.graphics();
    this.text = scene.add
      .text(0, 0, options.label, textStyle(scene, options.fontSize ?? 22, colors.text))
      .setOrigin(0.5);
    this.zone = scene.add.zone(0, 0, 10, 10).setOrigin(0.5);
    this.zone.setInteractive({ useHandCursor: true });
    this.zone.on("pointerover", () => {
      this.hovered = true;
      this.draw();
    });
    this.zone.on("pointerout", () => {
      this.hovered = false;
      this.draw();
    });
    this.zone.on("pointerup", () => this.press());
  }

  get label(): string {
    return this.options.label;
  }

  setLabel(label: string): this {
    this.options = { ...this.options, label };
    this.text.setText(label);
    return this;
  }

  setVariant(variant: NonNullable<ButtonOptions["variant"]>): this {
    this.options = { ...this.options, variant };
    this.draw();
    return this;
  }

  get visible(): boolean {
    return this.zone.visible && this.zone.active && this.enabled;
  }

  setVisible(visible: boolean): this {
    this.zone.setVisible(visible);
    this.bg.setVisible(visible);
    this.text.setVisible(visible);
    if (visible) this.zone.setInteractive();
    else this.zone.disableInteractive();
    return this;
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.text.setAlpha(enabled ? 1 : 0.5);
    this.draw();
    return this;
  }

  setDepth(depth: number): this {
    this.bg.setDepth(depth);
    this.text.setDepth(depth + 0.1);
    this.zone.setDepth(depth + 0.2);
    return this;
  }

  setFocused(focused: boolean): void {
    this.focused = focused;
    this.draw();
  }

  press(): void {
    if (!this.visible) return;
    this.options.onPress();
  }

  /**
   * Centre x, y and size in game pixels; height defaults from the ui scale. Neither side is
   * ever under a fingertip (MIN_TAP_CSS): a layout that asks for less gets the minimum.
   */
  place(x: number, y: number, width: number, height = 52 * uiScale(this.scene)): this {
    const min = MIN_TAP_CSS * pixelRatio();
    width = Math.max(width, min);
    height = Math.max(height, min);
    this.w = width;
    this.h = height;
    this.zone.setPosition(x, y).setSize(width, height);
    this.zone.input?.hitArea.setTo(0, 0, width, height);
    this.text.setPosition(x, y).setStyle(textStyle(this.scene, this.options.fontSize ?? 22));
    this.bg.setPosition(x, y);
    this.draw();
    return this;
  }

  /** Bounds in game pixels (top-left based). */
  bounds(): { x: number; y: number; width: number; height: number } {
    return {
      x: this.zone.x - this.w / 2,
      y: this.zone.y - this.h / 2,
      width: this.w,
      height: this.h,
    };
  }

  destroy(): void {
    this.zone.destroy();
    this.bg.destroy();
    this.text.destroy();
  }

  private draw(): void {
    const g = this.bg;
    const { w, h } = this;
    g.clear();
    const variant = this.options.variant ?? "primary";
    const base =
      variant === "danger"
        ? colors.buttonDanger
        : variant === "secondary"
          ? colors.panel
          : colors.button;
    const fill = this.hovered && this.enabled ? colors.buttonHover : base;
    const radius = Math.min(h / 2, 16);
    g.fillStyle(0x000000, 0.25).fillRoundedRect(-w / 2 + 2, -h / 2 + 4, w, h, radius);
    g.fillStyle(fill, this.enabled ? 1 : 0.5).fillRoundedRect(-w / 2, -h / 2, w, h, radius);
    g.lineStyle(2, colors.panelEdge, 1).strokeRoundedRect(-w / 2, -h / 2, w, h, radius);
    if (this.focused) {
      g.lineStyle(4, colors.focus, 1).strokeRoundedRect(
        -w / 2 - 4,
        -h / 2 - 4,
        w + 8,
        h + 8,
        radius + 4,
      );
    }
  }
}
