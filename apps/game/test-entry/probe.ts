import type * as Phaser from "phaser";
import type { Sfx } from "../src/audio/sfx";
import type { RendererChoice } from "../src/config/renderer";
import { type InspectKey, onGameEvent } from "../src/core/game-events";
import type { RoundSight } from "../src/scenes/round";
import { topFocusGroup } from "../src/views/focus";
import { describeRound } from "./round-probe";
import type { TestApiButton, TestApiState } from "./test-api-types";

/**
 * The test build's window API (`vite build --mode test`): test-entry/main.ts installs it, and
 * the production entry never imports it. It listens to the game's own events
 * (src/core/game-events.ts) and answers tests, so they wait on state instead of sleeping.
 *
 * `window.__giftGrabProbe.state` is a fresh snapshot on every read: the last screen, status, error,
 * toast, kick reason, open dialog and music state ("playing" | "stopped") the game announced, plus live fields (buttons, frame, renderer, sfx
 * counts, and whatever the running scenes let be inspected: round, account, leaderboard,
 * gameOver, settings, connection, kicked).
 * `window.__giftGrabProbe.press(label)` activates a visible button by its label.
 */
export function installTestProbe(game: Phaser.Game, renderer: RendererChoice): void {
  const fixed: TestApiState = { scene: "none", status: "starting", music: "stopped" };
  const inspectors = new Map<InspectKey, () => unknown>();
  const played: Partial<Record<Sfx, number>> = {};

  onGameEvent(game, "screen", (e) => Object.assign(fixed, e));
  onGameEvent(game, "status", (e) => Object.assign(fixed, e));
  onGameEvent(game, "toast", (e) => Object.assign(fixed, { lastToast: e.message }));
  onGameEvent(game, "kick", (e) => Object.assign(fixed, { kickReason: e.reason }));
  onGameEvent(game, "dialog", (e) => Object.assign(fixed, { dialog: e }));
  onGameEvent(game, "music", (e) => Object.assign(fixed, { music: e.state }));
  onGameEvent(game, "sfx", (e) => {
    played[e.name] = (played[e.name] ?? 0) + 1;
  });
  onGameEvent(game, "inspect", ({ key, scene, read: raw }) => {
    const read = key === "round" ? () => describeRound(raw() as RoundSight) : raw;
    inspectors.set(key, read);
    scene.events.once("shutdown", () => {
      if (inspectors.get(key) === read) inspectors.delete(key);
    });
  });

  const snapshot = (): TestApiState => {
    const out: TestApiState = {
      ...fixed,
      renderer,
      buttons: visibleButtons(game),
      frame: game.loop.frame,
      sfx: { ...played },
    };
    for (const [key, read] of inspectors) out[key] = read();
    return out;
  };
  Object.defineProperty(window, "__giftGrabProbe", {
    configurable: true,
    value: {
      get state() {
        return snapshot();
      },
      press: pressButton,
    },
  });
}

/** The top focus group's visible buttons in CSS pixels of the page, plus visible HTML buttons. */
function visibleButtons(game: Phaser.Game): TestApiButton[] {
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

/** Presses the visible button with this label, as a tap would; false when none is shown. */
function pressButton(label: string): boolean {
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
