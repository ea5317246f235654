import type { Page } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { expect, test } from "../support/test";
import { buttonsOf, clickButton, guestToMenu, playAsGuest, waitForScene } from "../support/ui";

async function focusedLabel(page: Page) {
  return buttonsOf(await gameState(page)).find((b) => b.focused)?.label ?? null;
}

test("every menu opens with the mouse and comes back", async ({ page }) => {
  const errors = watchErrors(page);
  await playAsGuest(page);
  for (const [label, scene] of [
    ["Leaderboard", "Leaderboard"],
    ["Account", "Account"],
    ["Settings", "Settings"],
  ] as const) {
    await clickButton(page, label);
    await waitForScene(page, scene);
    await clickButton(page, "Back");
    await waitForScene(page, "Menu");
  }
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await page.keyboard.press("Escape");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "paused");
  await clickButton(page, "Quit to menu");
  // Quitting loses the round: the game asks first, and Keep playing goes back to the pause.
  await clickButton(page, "Keep playing");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await page.keyboard.press("Escape");
  await clickButton(page, "Quit to menu");
  await clickButton(page, "Quit");
  await waitForScene(page, "Menu");
  expect(errors).toEqual([]);
});

test("the menus work from the keyboard: Tab and arrows move focus, Enter and Space press", async ({
  page,
}) => {
  await playAsGuest(page);
  expect(await focusedLabel(page)).toBe("Play");
  await page.keyboard.press("Tab");
  expect(await focusedLabel(page)).toBe("Race");
  await page.keyboard.press("Tab");
  expect(await focusedLabel(page)).toBe("Leaderboard");
  await page.keyboard.press("ArrowDown");
  expect(await focusedLabel(page)).toBe("Account");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await waitForScene(page, "Leaderboard");
  expect(await focusedLabel(page)).toBe("Back");
  await page.keyboard.press("Space");
  await waitForScene(page, "Menu");
  await page.keyboard.press("ArrowUp"); // wraps to the last item
  expect(await focusedLabel(page)).toBe("Settings");
  await page.keyboard.press("Enter");
  await waitForScene(page, "Settings");
});

/** Key presses dispatched in one go, so they land within one rendered frame. */
function pressWithinOneFrame(page: Page, keys: { key: string; shiftKey?: boolean }[]) {
  return page.evaluate((keys) => {
    for (const k of keys) {
      window.dispatchEvent(new KeyboardEvent("keydown", { ...k, bubbles: true }));
      window.dispatchEvent(new KeyboardEvent("keyup", { ...k, bubbles: true }));
    }
  }, keys);
}

test("keys pressed within one frame each count once (menus and pause)", async ({ page }) => {
  await playAsGuest(page);
  expect(await focusedLabel(page)).toBe("Play");
  await pressWithinOneFrame(page, [
    { key: "Tab" },
    { key: "ArrowDown" },
    { key: "Tab", shiftKey: true },
    { key: "ArrowDown" },
  ]);
  // Play → Race → Leaderboard → Race → Leaderboard.
  expect(await focusedLabel(page)).toBe("Leaderboard");
  await pressWithinOneFrame(page, [{ key: "ArrowUp" }, { key: "ArrowUp" }, { key: "ArrowUp" }]);
  expect(await focusedLabel(page)).toBe("Settings");

  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await pressWithinOneFrame(page, [{ key: "Escape" }, { key: "p" }, { key: "Escape" }]);
  await waitForGame(page, (s) => s.status === "paused");
  await pressWithinOneFrame(page, [{ key: "p" }, { key: "Escape" }]);
  // two toggles: still paused, and the pause menu is up once
  expect((await gameState(page)).status).toBe("paused");
  expect(buttonsOf(await gameState(page)).map((b) => b.label)).toEqual(["Resume", "Quit to menu"]);
});

test("the sound, music and Play again settings survive a reload", async ({ page }) => {
  await playAsGuest(page);
  await clickButton(page, "Settings");
  await waitForScene(page, "Settings");
  // Sound on: a settings press clicks.
  await clickButton(page, "Volume −");
  await expect
    .poll(async () => (await gameState(page)).settings)
    .toEqual({ sound: true, music: true, volume: 0.6, touch: "follow", quickRestart: true });
  expect((await gameState(page)).sfx).toEqual({ click: 1 });
  // Sound off: silence.
  await clickButton(page, "Sound: On");
  await expect
    .poll(async () => (await gameState(page)).settings)
    .toEqual({ sound: false, music: true, volume: 0.6, touch: "follow", quickRestart: true });
  expect((await gameState(page)).sfx).toEqual({ click: 1 });
  await clickButton(page, "Music: On");
  await clickButton(page, "Play again: Quick");
  const saved = { sound: false, music: false, volume: 0.6, touch: "follow", quickRestart: false };
  await expect.poll(async () => (await gameState(page)).settings).toEqual(saved);
  await page.reload();
  await waitForScene(page, "Menu"); // the saved session is restored
  await clickButton(page, "Settings");
  await waitForScene(page, "Settings");
  expect((await gameState(page)).settings).toEqual(saved);
  const labels = buttonsOf(await gameState(page)).map((b) => b.label);
  expect(labels).toContain("Sound: Off");
  expect(labels).toContain("Music: Off");
  expect(labels).toContain("Play again: 3-2-1");
});

function setHidden(page: Page, hidden: boolean) {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

async function musicIs(page: Page, state: "playing" | "stopped") {
  await expect.poll(async () => (await gameState(page)).music).toBe(state);
}

test("music plays after the first click and follows Music, Sound, volume and pause", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/?countdown=0");
  await waitForScene(page, "SignIn");
  // Browsers refuse audio before a gesture: the sign-in screen waits silently.
  expect((await gameState(page)).music).toBe("stopped");
  await guestToMenu(page);
  await musicIs(page, "playing");

  await clickButton(page, "Settings");
  await waitForScene(page, "Settings");
  await clickButton(page, "Music: On");
  await musicIs(page, "stopped");
  await clickButton(page, "Music: Off");
  await musicIs(page, "playing");
  await clickButton(page, "Sound: On");
  await musicIs(page, "stopped");
  await clickButton(page, "Sound: Off");
  await musicIs(page, "playing");
  for (let i = 0; i < 7; i++) await clickButton(page, "Volume −");
  await expect.poll(async () => (await gameState(page)).settings).toMatchObject({ volume: 0 });
  await musicIs(page, "stopped");
  await clickButton(page, "Volume +");
  await musicIs(page, "playing");
  // A hidden page is silent until it shows again.
  await setHidden(page, true);
  await musicIs(page, "stopped");
  await setHidden(page, false);
  await musicIs(page, "playing");

  // A round plays it on; pausing stops it, Resume brings it back.
  await clickButton(page, "Back");
  await waitForScene(page, "Menu");
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await musicIs(page, "playing");
  await page.keyboard.press("Escape");
  await waitForGame(page, (s) => s.status === "paused");
  await musicIs(page, "stopped");
  await clickButton(page, "Resume");
  await waitForGame(page, (s) => s.status === "playing");
  await musicIs(page, "playing");
  expect(errors).toEqual([]);
});

test("the Account screen shows the session and play stats, live", async ({ page }) => {
  await playAsGuest(page);
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  const account = await waitForGame(page, (s) => (s.account as { stats: unknown }).stats !== null);
  const { session, stats } = account.account as {
    session: { userId: string; isGuest: boolean };
    stats: { gamesPlayed: number };
  };
  expect(session.isGuest).toBe(true);
  expect(stats.gamesPlayed).toBe(0);
  expect(buttonsOf(account).map((b) => b.label)).toEqual([
    "Save progress",
    "Sign out",
    "Sign out everywhere",
    "Back",
  ]);
  await clickButton(page, "Sign out");
  await clickButton(page, "Yes, sign out");
  await waitForScene(page, "SignIn");
});
