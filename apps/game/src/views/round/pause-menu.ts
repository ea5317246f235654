import type * as Phaser from "phaser";
import { Dialog } from "../dialog";

interface Handlers {
  onResume: () => void;
  onQuit: () => void;
}

/** Why the round paused, in words that say what to do; the plain pause menu without one. */
export interface PauseWords {
  title: string;
  message?: string;
  /** The Resume button's words ("Continue as it is"). */
  resume?: string;
  /** What quitting costs, said before it (default: the score won't count). */
  quit?: string;
}

/**
 * The pause menu over the round (a Dialog over this scene only): Resume, or Quit to menu,
 * which asks first (the round in play is lost). `close` takes it down; the scene decides what
 * pausing means.
 */
export class PauseMenu {
  private dialog: Dialog | null = null;

  constructor(private readonly scene: Phaser.Scene) {}

  get isOpen(): boolean {
    return this.dialog?.isOpen ?? false;
  }

  /** Opens it, or shows `words` in place of what is open. */
  open(handlers: Handlers, words: PauseWords = { title: "Paused" }): void {
    this.show({
      title: words.title,
      ...(words.message ? { message: words.message } : {}),
      actions: [
        { label: words.resume ?? "Resume", onPress: handlers.onResume },
        {
          label: "Quit to menu",
          variant: "secondary",
          onPress: () => this.confirmQuit(handlers, words.quit),
        },
      ],
    });
  }

  close(): void {
    this.dialog?.close();
    this.dialog = null;
  }

  private confirmQuit(handlers: Handlers, cost = "Its score won't count.") {
    this.show({
      title: "Quit this round?",
      message: cost,
      actions: [
        { label: "Keep playing", onPress: handlers.onResume },
        { label: "Quit", variant: "danger", onPress: handlers.onQuit },
      ],
    });
  }

  private show(options: Omit<ConstructorParameters<typeof Dialog>[1], "aboveOtherScenes">) {
    this.close();
    this.dialog = new Dialog(this.scene, { ...options, aboveOtherScenes: false });
  }
}
