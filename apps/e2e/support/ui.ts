import type { TestApiButton } from "@gift-grab/game/test-api-types";
import { expect, type Page } from "@playwright/test";
import { gameState, type TestApiState, waitForGame } from "./game";

/** Helpers for the game's own UI, driven like a player would (mouse, keyboard). */
export type UiButton = TestApiButton;

export function buttonsOf(state: TestApiState): UiButton[] {
  return (state.buttons as UiButton[] | undefined) ?? [];
}

export async function waitForScene(page: Page, scene: string, status = "ready", timeout = 20_000) {
  return waitForGame(page, (s) => s.scene === scene && s.status === status, timeout);
}

/** What the Leaderboard screen reports (apps/game/src/scenes/leaderboard.ts). */
export interface LeaderboardSight {
  board: "solo" | "versus";
  rows: { rank: number; name: string; username: string; score: number; isMe: boolean }[];
  me: { rank: number; name: string; username: string; score: number } | null;
}

/** The Leaderboard screen, ready, showing a page of `board` that `ok` accepts. */
export async function leaderboardShown(
  page: Page,
  board: LeaderboardSight["board"],
  ok: (view: LeaderboardSight) => boolean = () => true,
): Promise<LeaderboardSight> {
  const s = await waitForGame(page, (s) => {
    const view = s.leaderboard as LeaderboardSight | undefined;
    return s.scene === "Leaderboard" && s.status === "ready" && view?.board === board && ok(view);
  });
  return s.leaderboard as LeaderboardSight;
}

/**
 * Clicks the centre of the visible button with this label (canvas or HTML overlay), once the
 * button has been on screen, unmoved, for a couple of rendered frames (a scene that has just
 * started may not take input in the very frame that created it).
 */
export async function clickButton(page: Page, label: string) {
  let target: UiButton | undefined;
  let seen: { frame: number; key: string } | null = null;
  await expect
    .poll(
      async () => {
        const state = await gameState(page);
        const frame = Number(state.frame ?? 0);
        target = buttonsOf(state).find((b) => b.label === label);
        if (!target) {
          seen = null;
          return false;
        }
        const key = `${target.x},${target.y},${target.width},${target.height}`;
        if (!seen || seen.key !== key) {
          seen = { frame, key };
          return false;
        }
        return frame >= seen.frame + 2;
      },
      { message: `button "${label}"`, intervals: [50] },
    )
    .toBe(true);
  const b = target as unknown as UiButton;
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

/**
 * Opens the game and signs in as a guest, landing on the main menu. Rounds start without the
 * 3-2-1 countdown (`countdown=0`) unless the query asks for one: a spec about the round's start
 * says so.
 */
export async function playAsGuest(page: Page, query = "") {
  const params = new URLSearchParams(query);
  if (!params.has("countdown")) params.set("countdown", "0");
  await page.goto(`/?${params}`);
  await waitForScene(page, "SignIn");
  return guestToMenu(page);
}

/**
 * On the sign-in screen: Play as guest, then, for a guest this created, the "Choose your
 * name" step (keeping the generated name, or `name`); lands on the main menu.
 */
export async function guestToMenu(page: Page, name?: string) {
  await page.getByRole("button", { name: "Play as guest" }).click();
  const step = page.getByRole("form", { name: "Choose your name" });
  await expect
    .poll(async () => (await step.isVisible()) || (await gameState(page)).scene === "Menu")
    .toBe(true);
  if (await step.isVisible()) {
    if (name !== undefined) await step.getByLabel("Your name").fill(name);
    await step.getByRole("button", { name: "Play", exact: true }).click();
  }
  return waitForScene(page, "Menu");
}

/** Each shown button lies wholly inside the viewport, and a tap at its centre reaches it. */
export async function expectButtonsReachable(page: Page, where: string) {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  await expect
    .poll(async () => buttonsOf(await gameState(page)).length, { message: `${where}: buttons` })
    .toBeGreaterThan(0);
  for (const b of buttonsOf(await gameState(page))) {
    const label = `${where}: "${b.label}" at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
    expect(b.x >= -0.5 && b.y >= -0.5, label).toBe(true);
    expect(b.x + b.width <= viewport.width + 0.5, label).toBe(true);
    expect(b.y + b.height <= viewport.height + 0.5, label).toBe(true);
    const hit = await page.evaluate(
      ({ x, y, text }) => {
        const el = document.elementFromPoint(x, y);
        return (
          el instanceof HTMLCanvasElement || el?.closest("button")?.textContent?.trim() === text
        );
      },
      { x: b.x + b.width / 2, y: b.y + b.height / 2, text: b.label },
    );
    expect(hit, `${label} is covered`).toBe(true);
  }
}
