/**
 * A small window API for tests, so they wait on state instead of sleeping. Present only in
 * dev and test builds (`vite build --mode test`); production builds drop it.
 *
 * `window.__giftGrab.state` is a fresh snapshot on every read: fixed fields reported by scenes
 * plus live fields (buttons, score, Santa…) computed by providers.
 * `window.__giftGrab.press(label)` activates a visible button by its label.
 *
 * Fields: scene (Boot/SignIn/Menu/Account/Settings/Leaderboard/Game/GameOver), status
 * (connecting, ready, signing_in, starting, playing, paused, submitting, saving, loading, error),
 * connection (GameNet's ConnectionState), kicked, kickReason, frame (rendered frames),
 * renderer ({kind: "webgl" | "canvas", why}),
 * buttons [{label, x, y, width, height, focused}] of the topmost screen/modal in CSS pixels,
 * and per scene: round (Game: phase, seed, speed, score, gifts, powerUpsUsed, timeLeftMs,
 * durationMs, santa {x, y, look, page}, gift, ice, powerUps, flameLeftMs, cookieLeftMs, hud,
 * field, joystick, watching {title, score} | null, watchSpeed), gameOver (score, shownScore,
 * outcome, message), account (session, stats), settings, leaderboard (rows, me, lastWeekTop,
 * error), lastError, lastToast. Statuses add "watched" (a Watch played to its end).
 */
import type { TestApiState } from "./test-api-types";

export const testApiEnabled = import.meta.env.DEV || import.meta.env.MODE === "test";

const fixed: TestApiState = { scene: "none", status: "starting" };
const providers = new Map<string, () => unknown>();
let presser: (label: string) => boolean = () => false;

export function reportToTests(update: Partial<TestApiState>): void {
  if (!testApiEnabled) return;
  Object.assign(fixed, update);
}

/** A live field: `read` runs on every state read. Returns a function that removes it. */
export function provideToTests(key: string, read: () => unknown): () => void {
  if (!testApiEnabled) return () => {};
  providers.set(key, read);
  return () => {
    if (providers.get(key) === read) providers.delete(key);
  };
}

export function setTestPresser(press: (label: string) => boolean): void {
  presser = press;
}

function snapshot(): TestApiState {
  const out: TestApiState = { ...fixed };
  for (const [key, read] of providers) out[key] = read();
  return out;
}

export function installTestApi(): void {
  if (!testApiEnabled) return;
  Object.defineProperty(window, "__giftGrab", {
    configurable: true,
    value: {
      get state() {
        return snapshot();
      },
      press: (label: string) => presser(label),
    },
  });
}
