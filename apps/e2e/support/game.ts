import type { NetTimings } from "@gift-grab/game/net-timings";
import type { TestApiState } from "@gift-grab/game/test-api-types";
import { expect, type Page } from "@playwright/test";

export type { TestApiState };

/** Reads the game's test API (present in test builds only). */
export function gameState(page: Page): Promise<TestApiState> {
  return page.evaluate(
    () => (window as unknown as { __giftGrabProbe: { state: TestApiState } }).__giftGrabProbe.state,
  );
}

/** What a page that has not started the game yet (or is navigating) counts as. */
const beforeTheGame: TestApiState = { scene: "none", status: "starting" };

/**
 * Waits until the game reports `predicate`; never a blind sleep. Asked every 100–200 ms:
 * expect.poll's default backs off to once a second, which left most waits of a round or a
 * server answer up to a second late.
 */
export async function waitForGame(
  page: Page,
  predicate: (s: TestApiState) => boolean,
  timeout = 15000,
) {
  await expect
    .poll(async () => predicate(await gameState(page).catch(() => beforeTheGame)), {
      timeout,
      intervals: [100, 200],
    })
    .toBe(true);
  return gameState(page);
}

/**
 * Waits until the game has rendered `frames` more frames: a scene that has just started may
 * not take input in the frame that created it (a pointer press there is lost).
 */
export async function waitFrames(page: Page, frames = 2) {
  const from = Number((await gameState(page)).frame ?? 0);
  await expect
    .poll(async () => Number((await gameState(page)).frame ?? 0), { intervals: [50] })
    .toBeGreaterThanOrEqual(from + frames);
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * The `timings=` URL parameter that shortens the net layer's delays for one page
 * (apps/game/src/config/net-timings.ts): tests watch N reconnect or heartbeat periods, not
 * the wall-clock minutes a player's defaults would take.
 */
export function timingsParam(timings: Partial<NetTimings>): string {
  const list = Object.entries(timings).map(([name, ms]) => `${name}:${ms}`);
  return `timings=${list.join(",")}`;
}
