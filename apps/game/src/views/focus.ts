import type * as Phaser from "phaser";
import type { Button } from "./button";
import { onKeyDown } from "./keys";

/**
 * Keyboard focus over a scene's buttons: Tab / Shift+Tab and the arrow keys move, Enter and
 * Space press. Groups form a stack (a modal pushes one on top); only the top group listens,
 * and only the top group's buttons count as on screen, since the rest are covered.
 */
const stack: FocusGroup[] = [];

export class FocusGroup {
  private buttons: Button[] = [];
  private index = -1;
  private stopKeys: () => void = () => {};

  /** A modal group stays on top even when scenes below it start their own groups. */
  constructor(
    scene: Phaser.Scene,
    readonly modal = false,
    /** false: pointer-only buttons (the in-game HUD, where the arrows steer Santa). */
    keyboard = true,
  ) {
    stack.push(this);
    if (keyboard) this.stopKeys = onKeyDown(scene, (event) => this.handleKey(event));
    scene.events.once("shutdown", () => this.dispose());
    scene.events.once("destroy", () => this.dispose());
  }

  add(...buttons: Button[]): this {
    this.buttons.push(...buttons);
    return this;
  }

  remove(button: Button): void {
    this.buttons = this.buttons.filter((b) => b !== button);
    this.index = Math.min(this.index, this.buttons.length - 1);
  }

  clear(): void {
    for (const b of this.buttons) b.setFocused(false);
    this.buttons = [];
    this.index = -1;
  }

  get isTop(): boolean {
    return topFocusGroup() === this;
  }

  visibleButtons(): Button[] {
    return this.buttons.filter((b) => b.visible);
  }

  focus(button: Button | null): void {
    this.index = button ? this.buttons.indexOf(button) : -1;
    for (const b of this.buttons) b.setFocused(b === button);
  }

  focused(): Button | null {
    return this.buttons[this.index] ?? null;
  }

  dispose(): void {
    const at = stack.indexOf(this);
    if (at >= 0) stack.splice(at, 1);
    this.stopKeys();
  }

  private move(step: number): void {
    const visible = this.visibleButtons();
    if (visible.length === 0) return;
    const current = this.focused();
    const at = current ? visible.indexOf(current) : -1;
    const next =
      at < 0 ? (step > 0 ? 0 : visible.length - 1) : (at + step + visible.length) % visible.length;
    this.focus(visible[next] ?? null);
  }

  private handleKey(event: KeyboardEvent): void {
    if (!this.isTop || isTypingTarget(event.target)) return;
    switch (event.key) {
      case "Tab":
        event.preventDefault();
        this.move(event.shiftKey ? -1 : 1);
        break;
      case "ArrowDown":
      case "ArrowRight":
        event.preventDefault();
        this.move(1);
        break;
      case "ArrowUp":
      case "ArrowLeft":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
      case " ": {
        const b = this.focused();
        if (b?.visible) {
          event.preventDefault();
          b.press();
        }
        break;
      }
    }
  }
}

function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLButtonElement
  );
}

export function topFocusGroup(): FocusGroup | null {
  const modal = stack.filter((g) => g.modal);
  return modal[modal.length - 1] ?? stack[stack.length - 1] ?? null;
}
