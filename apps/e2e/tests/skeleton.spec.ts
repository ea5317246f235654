import type { Page } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { expect, test } from "../support/test";
import { clickButton, guestToMenu, waitForScene } from "../support/ui";

/** Which context the game's canvas draws with (asking for the other one returns null). */
function canvasContext(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    if (canvas?.getContext("webgl2") || canvas?.getContext("webgl")) return "webgl";
    return canvas?.getContext("2d") ? "canvas" : "none";
  });
}

test("the game loads, signs in as a guest and reaches the menu", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await waitForScene(page, "SignIn");
  // This Chromium has no GPU (SwiftShader WebGL): the game picks Canvas, its faster renderer here.
  expect((await gameState(page)).renderer).toEqual({ kind: "canvas", why: "software webgl" });
  expect(await canvasContext(page)).toBe("canvas");
  await page.screenshot({ path: "artifacts/screens/boot.png" });
  const state = await guestToMenu(page);
  expect(state.connection).toBe("online");
  const account = await page.evaluate(() => {
    (window as unknown as { __giftGrabProbe: { press(l: string): boolean } }).__giftGrabProbe.press(
      "Account",
    );
  });
  expect(account).toBeUndefined();
  await waitForScene(page, "Account");
  const session = ((await gameState(page)).account as { session: { userId: string } | null })
    .session;
  expect(session?.userId).toMatch(/^[0-9a-f-]{36}$/);
  expect(errors).toEqual([]);
});

test.describe("WebGL", () => {
  // SwiftShader fills every pixel on the CPU: at 1280×720 a frame costs ~80 ms of a core here,
  // at 480×640 about a quarter of that. This test is about the renderer, not the size.
  test.use({ viewport: { width: 480, height: 640 } });

  test("?renderer=webgl draws the menus and a round with WebGL", async ({ page }) => {
    const errors = watchErrors(page);
    // No 3-2-1 (countdown=0): software WebGL on a loaded machine draws a few frames a second,
    // and the countdown runs on game time, frame by frame.
    await page.goto("/?renderer=webgl&countdown=0");
    await waitForScene(page, "SignIn");
    expect((await gameState(page)).renderer).toEqual({ kind: "webgl", why: "requested" });
    expect(await canvasContext(page)).toBe("webgl");
    await guestToMenu(page);
    await page.screenshot({ path: "artifacts/screens/menu-webgl.png" });
    await clickButton(page, "Play");
    const playing = await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
    await waitForGame(page, (s) => Number(s.frame) >= Number(playing.frame) + 5);
    await page.screenshot({ path: "artifacts/screens/game-webgl.png" });
    expect(errors).toEqual([]);
  });
});
