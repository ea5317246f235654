import type * as Phaser from "phaser";
import type { TestApiButton } from "../test-api-types";
import type { Button } from "./button";
import { onKeyDown } from "./keys";

/**
 * Keyboard focus over a scene's buttons: Tab / Shift+Tab and the arrow keys move, Enter and
 * Space press. Groups form a stack (a modal pushes one on top); only the top group listens,
 * and the test API lists only the top group's buttons, since the rest are covered.
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

/** The top group's visible buttons in CSS pixels of the page, plus visible HTML buttons. */
export function buttonsForTests(game: Phaser.Game): TestApiButton[] {
  const rect = game.canvas.getBoundingClientRect();
  const sx = rect.width / game.scale.width;
  const sy = rect.height / game.scale.height;
  const group = topFocusGroup();
  const fromCanvas = (group?.visibleButtons() ?? []).map((b) => {
    const r = b.bounds();
    return {
      label: b.label,
      x: rect.left + r.x * sx,
      y: rect.top + r.y * sy,
      width: r.width * sx,
      height: r.height * sy,
      focused: group?.focused() === b,
    };
  });
  const fromHtml = [...document.querySelectorAll<HTMLButtonElement>("#ui-overlay button")]
    .filter((el) => el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return {
        label: el.textContent?.trim() ?? "",
        x: r.left,
        y: r.top,
        width: r.width,
        height: r.height,
        focused: document.activeElement === el,
      };
    });
  return [...fromCanvas, ...fromHtml];
}

/** Presses the top group's (or an HTML overlay's) visible button with this label. */
export function pressForTests(label: string): boolean {
  const b = topFocusGroup()
    ?.visibleButtons()
    .find((x) => x.label === label);
  if (b) {
    b.press();
    return true;
  }
  const el = [...document.querySelectorAll<HTMLButtonElement>("#ui-overlay button")].find(
    (x) => x.offsetParent !== null && x.textContent?.trim() === label,
  );
  el?.click();
  return el !== undefined;
}
