import type * as Phaser from "phaser";
import { Button } from "../button";
import { FocusGroup } from "../focus";
import { colors, textStyle, uiScale } from "../theme";

interface Handlers {
  onResume: () => void;
  onQuit: () => void;
}

/**
 * The pause menu over the round: Resume, or Quit to menu, which asks first (the round in
 * play is lost). `close` takes it down; the scene decides what pausing means.
 */
export class PauseMenu {
  private ui: { focus: FocusGroup; objects: { destroy(): void }[]; layout: () => void } | null =
    null;

  constructor(private readonly scene: Phaser.Scene) {}

  get isOpen(): boolean {
    return this.ui !== null;
  }

  open(handlers: Handlers): void {
    this.close();
    this.show("Paused", null, [
      { label: "Resume", onPress: handlers.onResume },
      { label: "Quit to menu", variant: "secondary", onPress: () => this.confirmQuit(handlers) },
    ]);
  }

  close(): void {
    if (!this.ui) return;
    this.ui.focus.dispose();
    for (const o of this.ui.objects) o.destroy();
    this.ui = null;
  }

  /** Places the open menu for the scene's current size (the scene calls it on resize). */
  layout(): void {
    this.ui?.layout();
  }

  private confirmQuit(handlers: Handlers) {
    this.close();
    this.show("Quit this round?", "Its score won't count.", [
      { label: "Keep playing", onPress: handlers.onResume },
      { label: "Quit", variant: "danger", onPress: handlers.onQuit },
    ]);
  }

  private show(
    title: string,
    note: string | null,
    buttons: { label: string; variant?: "secondary" | "danger"; onPress: () => void }[],
  ) {
    const scene = this.scene;
    const focus = new FocusGroup(scene);
    const shade = scene.add.rectangle(0, 0, 10, 10, 0x000000, 0.6).setOrigin(0).setDepth(90);
    shade.setInteractive();
    const heading = scene.add.text(0, 0, title).setOrigin(0.5).setDepth(91);
    const noteText = note ? scene.add.text(0, 0, note).setOrigin(0.5).setDepth(91) : null;
    const made = buttons.map((b) => new Button(scene, b).setDepth(92));
    const layout = () => {
      const s = uiScale(scene);
      const { width, height } = scene.scale;
      shade.setSize(width, height);
      shade.input?.hitArea.setTo(0, 0, width, height);
      heading
        .setStyle(
          textStyle(scene, 40, colors.accent, {
            fontStyle: "bold",
            align: "center",
            wordWrap: { width: width - 32 },
          }),
        )
        .setPosition(width / 2, height / 2 - 80 * s);
      noteText
        ?.setStyle(textStyle(scene, 18, colors.text))
        .setPosition(width / 2, height / 2 - 36 * s);
      const w = Math.min(width - 40, 300 * s);
      made.forEach((button, i) => {
        button.place(width / 2, height / 2 + 10 * s + i * 66 * s, w);
      });
    };
    layout();
    focus.add(...made);
    focus.focus(made[0] ?? null);
    const objects: { destroy(): void }[] = [shade, heading, ...made];
    if (noteText) objects.push(noteText);
    this.ui = { focus, objects, layout };
  }
}
