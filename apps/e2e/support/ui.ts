import { expect, type Page } from "@playwright/test";
import { gameState, type TestApiState, waitForGame } from "./game";

/** Helpers for the game's own UI, driven like a player would (mouse, keyboard). */
export interface UiButton {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  focused: boolean;
}

export function buttonsOf(state: TestApiState): UiButton[] {
  return (state.buttons as UiButton[] | undefined) ?? [];
}

export async function waitForScene(page: Page, scene: string, status = "ready", timeout = 20_000) {
  return waitForGame(page, (s) => s.scene === scene && s.status === status, timeout);
}

/** Clicks the centre of the visible button with this label (canvas or HTML overlay). */
export async function clickButton(page: Page, label: string) {
  let target: UiButton | undefined;
  await expect
    .poll(
      async () => {
        target = buttonsOf(await gameState(page)).find((b) => b.label === label);
        return target !== undefined;
      },
      { message: `button "${label}"` },
    )
    .toBe(true);
  const b = target as UiButton;
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

/** Opens the game and signs in as a guest, landing on the main menu. */
export async function playAsGuest(page: Page, query = "") {
  await page.goto(`/${query}`);
  await waitForScene(page, "SignIn");
  await page.getByRole("button", { name: "Play as guest" }).click();
  return waitForScene(page, "Menu");
}
