import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent } from "../core/game-events";
import { Button, type ButtonOptions } from "./button";
import { FocusGroup } from "./focus";
import { colors, textStyle, uiScale } from "./theme";

export interface DialogAction extends Pick<ButtonOptions, "label" | "onPress" | "variant"> {
  /** Pressing it leaves the dialog open (the action closes it, or says() what went wrong). */
  keepOpen?: boolean;
}

export interface DialogOptions {
  title: string;
  /** Under the title; none for a dialog that is only its title and buttons. */
  message?: string;
  /** Top to bottom; the first has the focus. An action closes the dialog first, unless keepOpen. */
  actions: DialogAction[];
  /**
   * true (the default): it keeps the keyboard even when scenes below it start their own
   * buttons (the overlay's questions). false: it covers its own scene only (the pause menu).
   */
  aboveOtherScenes?: boolean;
}

const DEPTH = 150;

/**
 * The game's one modal: a shade that swallows the pointer, a panel with a title, a message
 * and its buttons stacked, laid out again on every resize. Keyboard focus moves to its buttons
 * until it closes. Every question the game asks is one (practice round, another tab, signed in
 * elsewhere, pause and quit).
 */
export class Dialog {
  private readonly shade: Phaser.GameObjects.Rectangle;
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly heading: Phaser.GameObjects.Text;
  private readonly text: Phaser.GameObjects.Text;
  private readonly buttons: Button[];
  private readonly focus: FocusGroup;
  // A resize that closes this dialog (a pause menu reopened with new words) still calls it.
  private readonly onResize = () => {
    if (!this.closed) this.layout();
  };
  private closed = false;
  private title: string;
  private message: string;

  constructor(
    private readonly scene: Phaser.Scene,
    options: DialogOptions,
  ) {
    this.title = options.title;
    this.message = options.message ?? "";
    this.focus = new FocusGroup(scene, options.aboveOtherScenes ?? true);
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
      .text(0, 0, this.message, textStyle(scene, 18, colors.text, { align: "center" }))
      .setOrigin(0.5, 0)
      .setDepth(DEPTH + 2);
    this.buttons = options.actions.map((a) =>
      new Button(scene, {
        ...a,
        onPress: () => {
          if (!a.keepOpen) this.close();
          a.onPress();
        },
      }).setDepth(DEPTH + 3),
    );
    this.focus.add(...this.buttons);
    this.focus.focus(this.buttons[0] ?? null);
    scene.scale.on("resize", this.onResize);
    scene.events.once("shutdown", () => this.close());
    this.announce();
    this.layout();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Shows other words in the open dialog (what went wrong, or why it is open now). */
  say(words: { title?: string; message?: string }): void {
    if (this.closed) return;
    this.title = words.title ?? this.title;
    this.message = words.message ?? this.message;
    this.heading.setText(this.title);
    this.text.setText(this.message);
    this.announce();
    this.layout();
  }

  private announce(): void {
    emitGameEvent(this.scene, "dialog", { title: this.title, message: this.message });
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
    this.heading.setStyle(
      textStyle(this.scene, 26, colors.accent, {
        fontStyle: "bold",
        align: "center",
        wordWrap: { width: w - 2 * pad },
      }),
    );
    this.text.setStyle(
      textStyle(this.scene, 18, colors.text, { align: "center", wordWrap: { width: w - 2 * pad } }),
    );
    const textH = this.message ? gap + this.text.height : 0;
    this.text.setVisible(this.message !== "");
    const h =
      pad + this.heading.height + textH + pad + this.buttons.length * (bh + gap) - gap + pad;
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
    let y = this.heading.y + this.heading.height + textH + pad + bh / 2;
    for (const b of this.buttons) {
      b.place(width / 2, y, w - 2 * pad, bh);
      y += bh + gap;
    }
  }
}
