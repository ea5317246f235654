import type { Page } from "@playwright/test";
import { waitFrames, watchErrors } from "../support/game";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

/**
 * Holds every HTTP call to the game server (RPCs, leaderboard, account: not the socket) until
 * the test lets them go, so every answer lands after the scene that asked has gone, however
 * slow the machine. `inFlight()` says how many are held or on their way.
 */
async function slowNetwork(page: Page) {
  const held: (() => void)[] = [];
  let inFlight = 0;
  await page.route("**/v2/**", async (route) => {
    inFlight++;
    await new Promise<void>((r) => held.push(r));
    await route.continue().catch(() => {}); // the page may have moved on: nothing to answer
    inFlight--;
  });
  return {
    inFlight: () => inFlight,
    held: () => held.length,
    /** Lets every held call go on to the server. */
    release: () => {
      for (const go of held.splice(0)) go();
    },
  };
}

test("leaving each scene at once on a slow network: late answers touch nothing, no page error", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await playAsGuest(page);
  const net = await slowNetwork(page);
  const leftWithAnswersPending = async () => {
    await waitForScene(page, "Menu");
    expect(net.held()).toBeGreaterThan(0);
    net.release();
    await expect.poll(net.inFlight).toBe(0);
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

  // Play opens the round on the menu, before the round screen (a refusal is told first);
  // leave for Account before the answer comes: no round may open behind the player's back.
  await clickButton(page, "Play");
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await clickButton(page, "Back");
  await leftWithAnswersPending();

  // Game over waits for nothing from the server any more: a live round's END carries the
  // score (tests/live-round.spec.ts).
  expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
});
