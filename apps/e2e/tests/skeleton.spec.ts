import { expect, test } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { waitForScene } from "../support/ui";

test("the game loads with WebGL, signs in as a guest and reaches the menu", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await waitForScene(page, "SignIn");
  const renderer = await page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    return canvas?.getContext("webgl2") || canvas?.getContext("webgl") ? "webgl" : "other";
  });
  expect(renderer).toBe("webgl");
  await page.screenshot({ path: "artifacts/screens/boot.png" });
  await page.getByRole("button", { name: "Play as guest" }).click();
  const state = await waitForGame(page, (s) => s.scene === "Menu" && s.status === "ready");
  expect(state.connection).toBe("online");
  const account = await page.evaluate(() => {
    (window as unknown as { __giftGrab: { press(l: string): boolean } }).__giftGrab.press(
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
