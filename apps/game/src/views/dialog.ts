import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent } from "../core/game-events";
import { Button, type ButtonOptions } from "./button";
import { FocusGroup } from "./focus";
import { colors, textStyle, uiScale } from "./theme";

export interface DialogOptions {
  title: string;
  message: string;
  /** Top to bottom; the first has the focus. Every action closes the dialog first. */
  actions: Pick<ButtonOptions, "label" | "onPress" | "variant">[];
}

const DEPTH = 150;

/**
 * A modal question over a scene: a shade that swallows the pointer, a panel with a title, a
 * message and its buttons stacked, laid out again on every resize. Keyboard focus moves to
 * its buttons until it closes.
 */
export class Dialog {
  private readonly shade: Phaser.GameObjects.Rectangle;
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly heading: Phaser.GameObjects.Text;
  private readonly text: Phaser.GameObjects.Text;
  private readonly buttons: Button[];
  private readonly focus: FocusGroup;
  private readonly onResize = () => this.layout();
  private closed = false;

  constructor(
    private readonly scene: Phaser.Scene,
    options: DialogOptions,
  ) {
    this.focus = new FocusGroup(scene, true);
    this.shade = scene.add
      .rectangle(0, 0, 10, 10, 0x000000, 0.7)
      .setOrigin(0)
      .setDepth(DEPTH)
      .setInteractive();
    this.panel = scene.add.graphics().setDepth(DEPTH + 1);
    this.heading = scene.add
      .text(0, 0, options.title, textStyle(scene, 26, colors.accent, { fontStyle: "bold" }))
      .setOrigin(0.5, 0)
      .setDepth(DEPTH + 2);
    this.text = scene.add
      .text(0, 0, options.message, textStyle(scene, 18, colors.text, { align: "center" }))
      .setOrigin(0.5, 0)
      .setDepth(DEPTH + 2);
    this.buttons = options.actions.map((a) =>
      new Button(scene, {
        ...a,
        onPress: () => {
          this.close();
          a.onPress();
        },
      }).setDepth(DEPTH + 3),
    );
    this.focus.add(...this.buttons);
    this.focus.focus(this.buttons[0] ?? null);
    scene.scale.on("resize", this.onResize);
    scene.events.once("shutdown", () => this.close());
    emitGameEvent(scene, "dialog", { title: options.title, message: options.message });
    this.layout();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.scene.scale.off("resize", this.onResize);
    this.focus.dispose();
    for (const b of this.buttons) b.destroy();
    this.shade.destroy();
    this.panel.destroy();
    this.heading.destroy();
    this.text.destroy();
    emitGameEvent(this.scene, "dialog", null);
  }

  private layout(): void {
    const { width, height } = this.scene.scale;
    const s = uiScale(this.scene);
    const pad = 20 * s;
    const w = Math.min(width - 24, 460 * s);
    const bh = Math.min(52 * s, 46 * pixelRatio());
    const gap = 10 * s;
    this.heading.setStyle(textStyle(this.scene, 26, colors.accent, { fontStyle: "bold" }));
    this.text.setStyle(
      textStyle(this.scene, 18, colors.text, { align: "center", wordWrap: { width: w - 2 * pad } }),
    );
    const h =
      pad +
      this.heading.height +
      gap +
      this.text.height +
      pad +
      this.buttons.length * (bh + gap) -
      gap +
      pad;
    const top = Math.max(8, (height - h) / 2);
    const left = (width - w) / 2;
    this.shade.setSize(width, height);
    this.shade.input?.hitArea.setTo(0, 0, width, height);
    this.panel
      .clear()
      .fillStyle(colors.panel, 1)
      .fillRoundedRect(left, top, w, h, 18)
      .lineStyle(3, colors.panelEdge)
      .strokeRoundedRect(left, top, w, h, 18);
    this.heading.setPosition(width / 2, top + pad);
    this.text.setPosition(width / 2, this.heading.y + this.heading.height + gap);
    let y = this.text.y + this.text.height + pad + bh / 2;
    for (const b of this.buttons) {
      b.place(width / 2, y, w - 2 * pad, bh);
      y += bh + gap;
    }
  }
}
