import type { Page } from "@playwright/test";
import { nakamaUrl, savedTokens } from "../support/accounts";
import { gameState, waitForGame, waitFrames, watchErrors } from "../support/game";
import { roundIn } from "../support/round-play";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

// The e2e stack's own limits (infra/nakama/local.yml): 10 round starts a minute, 30 s rounds.
const STARTS_PER_MINUTE = 10;

interface DialogState {
  title: string;
  message: string;
}

async function dialogOf(page: Page): Promise<DialogState | null> {
  return ((await gameState(page)).dialog as DialogState | null | undefined) ?? null;
}

async function playThenQuit(page: Page) {
  await clickButton(page, "Play");
  const s = await waitForGame(page, (x) => x.scene === "Round" && x.status === "playing");
  expect(roundIn(s).live).not.toBeNull();
  expect(await dialogOf(page)).toBeNull();
  await waitFrames(page);
  await page.keyboard.press("Escape");
  await waitForGame(page, (x) => x.status === "paused");
  await clickButton(page, "Quit to menu");
  await clickButton(page, "Quit");
  await waitForScene(page, "Menu");
}

test("quick restarts: Play, Esc, Quit to menu, four times over, and every next round is a saved one", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await playAsGuest(page);
  // The case was three quits then Play: each quit round now gives way to the next.
  for (let i = 0; i < 4; i++) await playThenQuit(page);
  expect(errors).toEqual([]);
});

test("a refused start says why before any round: the rate limit's words, then Back", async ({
  page,
}) => {
  await playAsGuest(page);
  // The minute's starts used up straight against the server (as quick as a script could):
  // exactly the limit goes through, so a player gets at least that many a minute.
  const tokens = await savedTokens(page);
  for (let i = 0; i < STARTS_PER_MINUTE; i++) {
    const res = await fetch(nakamaUrl("/v2/rpc/live_round_create?unwrap=true"), {
      method: "POST",
      headers: { authorization: `Bearer ${tokens?.token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status, `start ${i + 1}`).toBe(200);
  }

  await clickButton(page, "Play");
  await expect.poll(() => dialogOf(page)).toMatchObject({ title: "Practice round" });
  const dialog = (await dialogOf(page)) as DialogState;
  expect(dialog.message).toContain("You've started a lot of rounds in the last minute");
  expect(dialog.message).not.toContain("Couldn't reach");
  expect((await gameState(page)).scene).toBe("Menu");
  await clickButton(page, "Back");
  await expect.poll(() => dialogOf(page)).toBeNull();
  expect((await gameState(page)).scene).toBe("Menu");
});

test("with the server unreachable, Play says first that the round is practice; it plays locally, and rounds are ranked again once it is back", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await playAsGuest(page);
  await page.route(/\/v2\/rpc\/live_round_create/, (route) => route.abort("connectionrefused"));

  await clickButton(page, "Play");
  await expect.poll(() => dialogOf(page)).toMatchObject({ title: "Practice round" });
  expect((await dialogOf(page))?.message).toBe(
    "Can't reach the game server. Check your connection and try again. You can still play: this round is practice and won't be saved.",
  );
  expect((await gameState(page)).scene).toBe("Menu");
  await clickButton(page, "Play practice");
  const practice = await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  expect(roundIn(practice).live).toBeNull();
  await waitFrames(page);
  await page.keyboard.press("Escape");
  await waitForGame(page, (s) => s.status === "paused");
  await clickButton(page, "Quit to menu");
  await clickButton(page, "Quit");
  await waitForScene(page, "Menu");

  // The server is back: the next round is a ranked one again, with no question asked.
  await page.unroute(/\/v2\/rpc\/live_round_create/);
  await clickButton(page, "Play");
  const s = await waitForGame(page, (x) => x.scene === "Round" && x.status === "playing");
  expect(roundIn(s).live).not.toBeNull();
  expect(await dialogOf(page)).toBeNull();
});
