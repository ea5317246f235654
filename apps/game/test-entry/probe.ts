import type * as Phaser from "phaser";
import type { Sfx } from "../src/audio/sfx";
import type { RendererChoice } from "../src/config/renderer";
import { type InspectKey, onGameEvent } from "../src/core/game-events";
import { topFocusGroup } from "../src/views/focus";
import type { RoundSight } from "../src/views/round/round-sight";
import { describeRound } from "./round-probe";
import type { TestApiButton, TestApiState, TestApiText } from "./test-api-types";

/**
 * The test build's window API (`vite build --mode test`): test-entry/main.ts installs it, and
 * the production entry never imports it. It listens to the game's own events
 * (src/core/game-events.ts) and answers tests, so they wait on state instead of sleeping.
 *
 * `window.__giftGrabProbe.state` is a fresh snapshot on every read: the last screen, status, error,
 * toast, kick reason, open dialog and music state ("playing" | "stopped") the game announced, plus live fields (buttons, frame, renderer, sfx
 * counts, and whatever the running scenes let be inspected: round, account, leaderboard,
 * gameOver, settings, connection, kicked).
 * `window.__giftGrabProbe.texts()` lists the texts on screen with their size in CSS pixels.
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
    // Each inspector's report under its key: the round's is describeRound's (TestApiRound).
    const reports: Record<string, unknown> = out;
    for (const [key, read] of inspectors) reports[key] = read();
    return out;
  };
  Object.defineProperty(window, "__giftGrabProbe", {
    configurable: true,
    value: {
      get state() {
        return snapshot();
      },
      press: pressButton,
      texts: () => visibleTexts(game),
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

/**
 * Every text a player sees, in CSS pixels of the page: the running scenes' Phaser texts (their
 * font size times their own and their containers' scale, times the canvas's CSS size over its
 * own) and the HTML overlay's visible text.
 */
function visibleTexts(game: Phaser.Game): TestApiText[] {
  const rect = game.canvas.getBoundingClientRect();
  const sx = rect.width / game.scale.width;
  const sy = rect.height / game.scale.height;
  const out: TestApiText[] = [];
  for (const scene of game.scene.getScenes(true)) {
    if (!scene.sys.settings.visible) continue;
    for (const obj of scene.children.list)
      collectTexts(obj, 1, true, (t, scale) => {
        const b = t.getBounds();
        const x = rect.left + b.x * sx;
        const y = rect.top + b.y * sy;
        const width = b.width * sx;
        const height = b.height * sy;
        // Off the canvas, nobody reads it.
        if (x + width <= rect.left || y + height <= rect.top) return;
        if (x >= rect.right || y >= rect.bottom) return;
        const px = Number.parseFloat(String(t.style.fontSize));
        out.push({ text: t.text, x, y, width, height, fontSize: px * scale * sy });
      });
  }
  const overlay = document.querySelector("#ui-overlay");
  if (overlay) {
    const walker = document.createTreeWalker(overlay, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? "";
      if (!el || text === "" || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      out.push({
        text,
        x: r.left,
        y: r.top,
        width: r.width,
        height: r.height,
        fontSize: Number.parseFloat(style.fontSize),
      });
    }
  }
  return out;
}

function collectTexts(
  obj: Phaser.GameObjects.GameObject,
  scale: number,
  shown: boolean,
  found: (t: Phaser.GameObjects.Text, scale: number) => void,
): void {
  const o = obj as Phaser.GameObjects.GameObject & {
    visible?: boolean;
    alpha?: number;
    scaleY?: number;
    list?: Phaser.GameObjects.GameObject[];
  };
  if (!shown || o.visible === false || o.alpha === 0) return;
  const s = scale * (o.scaleY ?? 1);
  if (obj.type === "Text") {
    const t = obj as Phaser.GameObjects.Text;
    if (t.text.trim() !== "") found(t, s);
    return;
  }
  if (obj.type === "Container") for (const c of o.list ?? []) collectTexts(c, s, true, found);
}
