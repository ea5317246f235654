import { expect, type Page, test } from "@playwright/test";
import { waitFrames, watchErrors } from "../support/game";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

/** Long enough that every answer lands after the scene that asked has gone. */
const DELAY_MS = 4_000;

/**
 * Holds every HTTP call to the game server (RPCs, leaderboard, account: not the socket) for
 * DELAY_MS; `inFlight()` says how many are still held.
 */
async function slowNetwork(page: Page) {
  let held = 0;
  await page.route("**/v2/**", async (route) => {
    held++;
    await new Promise((r) => setTimeout(r, DELAY_MS));
    held--;
    await route.continue().catch(() => {}); // the page may have moved on: nothing to answer
  });
  return { inFlight: () => held };
}

test("leaving each scene at once on a slow network: late answers touch nothing, no page error", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await playAsGuest(page, "?speed=20");
  const net = await slowNetwork(page);
  const leftWithAnswersPending = async () => {
    await waitForScene(page, "Menu");
    expect(net.inFlight()).toBeGreaterThan(0);
    await expect.poll(net.inFlight, { timeout: DELAY_MS * 3 }).toBe(0);
    await waitFrames(page, 5); // late answers have been handled and frames drawn since
    await waitForScene(page, "Menu");
  };

  // Account asks for the player's stats; Back before they come.
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await clickButton(page, "Back");
  await leftWithAnswersPending();

  // The leaderboard asks for its page; Back before it comes.
  await clickButton(page, "Leaderboard");
  await waitForScene(page, "Leaderboard", "loading");
  await clickButton(page, "Back");
  await leftWithAnswersPending();

  // Play asks for the round's ticket on the menu, before the round opens (a refusal is told
  // first); leave for Account before it comes: no round may open behind the player's back.
  await clickButton(page, "Play");
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await clickButton(page, "Back");
  await leftWithAnswersPending();

  // Game over waits for the score's fate; Menu before it comes (a 20× round: 1.5 s).
  await clickButton(page, "Play");
  await waitForScene(page, "GameOver", "saving", 30_000);
  await clickButton(page, "Menu");
  await leftWithAnswersPending();

  expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
});
