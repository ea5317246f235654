import type * as Phaser from "phaser";
import { Button } from "../../ui/button";
import { FocusGroup } from "../../ui/focus";
import { colors, textStyle, uiScale } from "../../ui/theme";

interface Handlers {
  onResume: () => void;
  onQuit: () => void;
}

/**
 * The pause menu over the round: Resume, or Quit to menu, which asks first (the round in
 * play is lost). `close` takes it down; the scene decides what pausing means.
 */
export class PauseMenu {
  private ui: { focus: FocusGroup; objects: { destroy(): void }[] } | null = null;

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
    const s = uiScale(scene);
    const { width, height } = scene.scale;
    const focus = new FocusGroup(scene);
    const shade = scene.add
      .rectangle(0, 0, width, height, 0x000000, 0.6)
      .setOrigin(0)
      .setDepth(90)
      .setInteractive();
    const heading = scene.add
      .text(
        width / 2,
        height / 2 - 80 * s,
        title,
        textStyle(scene, 40, colors.accent, {
          fontStyle: "bold",
          align: "center",
          wordWrap: { width: width - 32 },
        }),
      )
      .setOrigin(0.5)
      .setDepth(91);
    const objects: { destroy(): void }[] = [shade, heading];
    if (note) {
      objects.push(
        scene.add
          .text(width / 2, height / 2 - 36 * s, note, textStyle(scene, 18, colors.text))
          .setOrigin(0.5)
          .setDepth(91),
      );
    }
    const w = Math.min(width - 40, 300 * s);
    const made = buttons.map((b, i) => {
      const button = new Button(scene, b).setDepth(92);
      button.place(width / 2, height / 2 + 10 * s + i * 66 * s, w);
      return button;
    });
    focus.add(...made);
    focus.focus(made[0] ?? null);
    this.ui = { focus, objects: [...objects, ...made] };
  }
}
