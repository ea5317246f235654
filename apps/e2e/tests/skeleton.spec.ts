import { sessionCheck } from "@gift-grab/contracts";
import { expect, test } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";

test("the game loads with WebGL, signs in as a guest and shows session_check's answer", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/");
  const state = await waitForGame(page, (s) => s.status === "ready" || s.status === "error");
  expect(state.status, String(state.error ?? "")).toBe("ready");
  expect(sessionCheck.response.parse(state.sessionCheck)).toEqual({
    already_connected: false,
    connected_sessions: 0,
  });
  const renderer = await page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    return canvas?.getContext("webgl2") || canvas?.getContext("webgl") ? "webgl" : "other";
  });
  expect(renderer).toBe("webgl");
  await page.screenshot({ path: "artifacts/screens/boot.png" });
  expect((await gameState(page)).scene).toBe("Boot");
  expect(errors).toEqual([]);
});
