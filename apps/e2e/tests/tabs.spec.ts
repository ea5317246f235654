import type { Page } from "@playwright/test";
import { gameState, timingsParam, waitForGame } from "../support/game";
import { roundIn } from "../support/round-play";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

// Short reconnects: a tab that took a lost socket for a drop would be back within a second.
// Practice rounds (a tuned seed): a round that another tab's takeover stops waits paused for
// this tab's word. A live round ends instead, its seat left (the last test).
const TIMINGS = timingsParam({ reconnectBaseMs: 100, reconnectMaxMs: 300 });
const PAGE = `?seed=5&${TIMINGS}`;

// Independent tests on the shared stack, each with a browser of its own: on workers of their
// own they don't queue one after another as the suite's last ~40 s.
test.describe.configure({ mode: "parallel" });

/** Counts the game-server sockets a page opens. */
function countSockets(page: Page) {
  const counter = { opened: 0 };
  page.on("websocket", (ws) => {
    if (ws.url().includes("/ws?")) counter.opened++;
  });
  return counter;
}

async function tabView(page: Page) {
  const s = await gameState(page);
  return {
    connection: s.connection,
    kicked: s.kicked,
    dialog: (s.dialog as { title: string } | null | undefined)?.title ?? null,
  };
}

const PLAYS = { connection: "online", kicked: false, dialog: null };
const WAITS = {
  connection: "other_tab",
  kicked: false,
  dialog: "Gift Grab is open in another tab",
};

test("two tabs of one browser share the sign-in: one plays, the other offers Play here, and nobody is kicked", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  const socketsA = countSockets(a);
  const socketsB = countSockets(b);

  await playAsGuest(a, PAGE);
  await expect.poll(() => tabView(a)).toEqual(PLAYS);

  // The second tab restores the same sign-in and waits, opening no socket.
  await b.goto(`/${PAGE}`);
  await waitForScene(b, "Menu");
  await expect.poll(() => tabView(b)).toEqual(WAITS);
  expect(socketsB.opened).toBe(0);
  expect(await tabView(a)).toEqual(PLAYS);

  // Play here in B: A steps aside (no kick, no reconnect), B plays.
  await clickButton(b, "Play here");
  await expect.poll(() => tabView(b)).toEqual(PLAYS);
  await expect.poll(() => tabView(a)).toEqual(WAITS);
  await clickButton(b, "Play");
  await waitForGame(b, (s) => s.scene === "Round" && s.status === "playing");
  // A stays waiting (over several reconnect periods) while B plays: no socket reopened.
  const opensA = socketsA.opened;
  await b.waitForTimeout(1_500);
  expect(await tabView(a)).toEqual(WAITS);
  expect(socketsA.opened).toBe(opensA);
  expect((await gameState(b)).connection).toBe("online");

  // And back, mid-round: A takes over again, B waits; the sign-in is the same one throughout.
  // B's round stops where it was, under the question, and sends nothing.
  const submits = { b: 0 };
  b.on("request", (r) => {
    if (r.url().includes("/v2/rpc/")) submits.b++;
  });
  await clickButton(a, "Play here");
  await expect.poll(() => tabView(a)).toEqual(PLAYS);
  await expect.poll(() => tabView(b)).toMatchObject(WAITS);
  const held = await waitForGame(b, (s) => s.scene === "Round" && s.status === "paused");
  const left = roundIn(held).timeLeftMs;
  await b.waitForTimeout(600);
  expect((await gameState(b)).round).toMatchObject({ phase: "paused", timeLeftMs: left });

  // Play here in B: its round is there, paused, and plays on when the player says.
  await clickButton(b, "Play here");
  await expect.poll(() => tabView(b)).toEqual({ ...PLAYS, dialog: "Your round is paused" });
  await clickButton(b, "Resume");
  await waitForGame(b, (s) => (s.round?.timeLeftMs ?? Infinity) < left - 200);

  // A takes over and starts a round of its own; B's waits paused for B's word, as before.
  await clickButton(a, "Play here");
  await expect.poll(() => tabView(b)).toMatchObject(WAITS);
  await clickButton(a, "Play");
  await waitForGame(a, (s) => s.scene === "Round" && s.status === "playing");
  await clickButton(b, "Play here");
  await expect.poll(() => tabView(b)).toEqual({ ...PLAYS, dialog: "Your round is paused" });
  await clickButton(b, "Resume");
  await waitForGame(b, (s) => s.status === "playing");
  expect(submits.b).toBe(0);
  await context.close();
});

test("a live round in one tab ends when another tab takes over: it leaves the match and says why", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  const left = { frames: 0 };
  a.on("websocket", (ws) =>
    ws.on("framesent", (f) => {
      if (String(f.payload).includes("match_leave")) left.frames++;
    }),
  );
  await playAsGuest(a, TIMINGS);
  await clickButton(a, "Play");
  const playing = await waitForGame(a, (s) => s.scene === "Round" && s.status === "playing");
  expect(roundIn(playing).live).not.toBeNull();

  await b.goto(`/?${TIMINGS}`);
  await waitForScene(b, "Menu");
  await clickButton(b, "Play here");
  // The seat is left at once, while this tab is still behind.
  await waitForGame(a, (s) => s.scene === "Round" && s.status === "over");
  await expect.poll(() => left.frames).toBe(1);
  // The player comes back to read what happened. Behind, Chromium draws the page a frame or
  // two a second and Phaser's clock moves one frame's worth per frame drawn, so the short
  // pause before game over would last a minute there.
  await a.bringToFront();
  const over = await waitForGame(a, (s) => s.scene === "GameOver" && s.status === "ready");
  expect(over.gameOver).toMatchObject({
    outcome: {
      status: "rejected",
      message: "This round ended: your session stopped playing here.",
    },
  });
  await expect.poll(() => tabView(a)).toMatchObject(WAITS);
  // The seat was left (one match leave on the socket before it closed), not dropped.
  expect(left.frames).toBe(1);
  await context.close();
});
