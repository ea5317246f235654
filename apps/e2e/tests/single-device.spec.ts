import type { Page } from "@playwright/test";
import { fillSignIn, newAccount, signUpWithForm } from "../support/accounts";
import { gameState, timingsParam, waitForGame } from "../support/game";
import { roundIn } from "../support/round-play";
import { expect, test } from "../support/test";
import { clickButton, waitForScene } from "../support/ui";

/**
 * Short reconnect and heartbeat periods for both devices: "never reconnects" is watched over
 * many of them (a link that took the kick for a drop would retry within reconnectMaxMs, and
 * a heartbeat would notice a dead socket within two heartbeatMs). A 3× round lasts 10 s.
 */
const TIMINGS = { reconnectBaseMs: 100, reconnectMaxMs: 300, heartbeatMs: 2_000 };
const SPEED = 3;
const PAGE = `/?speed=${SPEED}&${timingsParam(TIMINGS)}`;
const WATCH_MS = Math.max(20 * TIMINGS.reconnectMaxMs, 3 * TIMINGS.heartbeatMs);

/** Counts the game-server sockets a page opens (each reconnect attempt is one). */
function countSockets(page: Page) {
  const counter = { opened: 0 };
  page.on("websocket", (ws) => {
    if (ws.url().includes("/ws?")) counter.opened++;
  });
  return counter;
}

async function startPlaying(page: Page) {
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
}

/** "You signed in on another device", within 2 s of the other device's sign-in. */
async function expectKicked(page: Page) {
  await expect
    .poll(
      async () => {
        const s = await gameState(page);
        return { connection: s.connection, kicked: s.kicked, reason: s.kickReason };
      },
      { timeout: 2_000, intervals: [100] },
    )
    .toEqual({ connection: "kicked", kicked: true, reason: "signed_in_elsewhere" });
}

test("one account, two devices: the older one is told, never reconnects, and can take over", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const account = newAccount("sd");
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  const socketsA = countSockets(a);
  const socketsB = countSockets(b);

  // A signs up; B has the sign-in form filled in with the same account, not yet sent.
  await signUpWithForm(a, account, PAGE);
  await waitForGame(a, (s) => s.connection === "online");
  await b.goto(PAGE);
  await fillSignIn(b, account.email, account.password);

  // A is in the middle of a round when B signs in.
  await startPlaying(a);
  const opensBeforeKick = socketsA.opened;
  expect(opensBeforeKick).toBeGreaterThanOrEqual(1);
  await b.getByRole("button", { name: "Sign in", exact: true }).click();
  await waitForScene(b, "Menu");
  await expectKicked(a);
  const kickedAt = Date.now();

  // A's round pauses under the modal (it does not run out unseen), and A makes no reconnect
  // attempt at all, watched since the kick for WATCH_MS and for longer than the rest of the
  // round would take: a round still running would end within the watch.
  const paused = await waitForGame(a, (s) => s.scene === "Round" && s.status === "paused");
  const timeLeft = (s: typeof paused) => roundIn(s).timeLeftMs;
  expect(timeLeft(paused)).toBeGreaterThan(0);
  const pauseWatchMs = Math.max(WATCH_MS, timeLeft(paused) / SPEED + 1_000);
  await a.waitForTimeout(Math.max(0, kickedAt + pauseWatchMs - Date.now()));
  const later = await gameState(a);
  expect({ scene: later.scene, status: later.status, timeLeftMs: timeLeft(later) }).toEqual({
    scene: "Round",
    status: "paused",
    timeLeftMs: timeLeft(paused),
  });
  expect(socketsA.opened).toBe(opensBeforeKick);
  expect(later.connection).toBe("kicked");

  // B plays, and the server has no round of A's.
  await waitForGame(b, (s) => s.connection === "online");
  await clickButton(b, "Account");
  await waitForScene(b, "Account");
  await expect
    .poll(
      async () => ((await gameState(b)).account as { stats: { gamesPlayed: number } | null }).stats,
    )
    .toMatchObject({ gamesPlayed: 0 });
  await clickButton(b, "Back");
  await waitForScene(b, "Menu");
  await startPlaying(b);

  // A presses "Play here": A is back without typing anything, and now B is the one told.
  await clickButton(a, "Play here");
  await waitForGame(a, (s) => s.connection === "online" && s.kicked === false, 10_000);
  await expectKicked(b);
  // A's paused round is still there, waiting for A's word (not dropped for the menu).
  expect(await gameState(a)).toMatchObject({
    scene: "Round",
    status: "paused",
    dialog: { title: "Your round is paused" },
  });
  await clickButton(a, "Resume");
  await waitForGame(a, (s) => s.status === "playing");
  const opensB = socketsB.opened;
  await b.waitForTimeout(WATCH_MS);
  expect(socketsB.opened).toBe(opensB);

  await contextA.close();
  await contextB.close();
});
