import type { TestApiRound } from "@gift-grab/game/test-api-types";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { savedTokens } from "../support/accounts";
import { waitForGame, waitFrames, watchErrors } from "../support/game";
import { roundView } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { keyboardSteer, touchSteer } from "../support/steer";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest } from "../support/ui";

// Ranked live rounds through a slow network: a proxy in front of Nakama adds half the round
// trip each way. Two networks, one Nakama: 150 ms RTT holding 2 % of the chunks a retransmit
// (one round trip) longer, as TCP shows a lost segment; and 300 ms, the most the spawn lead is
// made for (docs/realtime.md, "What is revealed, and when"), with no loss: the lead leaves 33 ms
// to spare there, less than any retransmit. The rounds last 6 s on the server's clock.
//
// Reveals on time are asserted at 150 ms, where the lead leaves 9–17 ticks to spare. At 300 ms it
// leaves 0–6 on a quiet machine (docs/realtime.md, "At 300 ms RTT"), less than the stalls the
// suite's other browsers give a page, its proxy and Nakama on two cores: a gift shown late there
// (3 of 4 rounds beside three other specs) measures the machine, so 300 ms reports its reveals
// and asserts the rest.
const NETWORKS = [
  {
    rtt: 150,
    loss: "2 % loss",
    lag: { delayMs: 75, lossRate: 0.02, retransmitMs: 150, seed: 26 },
    revealsOnTime: true,
  },
  {
    rtt: 300,
    loss: "no loss",
    lag: { delayMs: 150, lossRate: 0, retransmitMs: 0 },
    revealsOnTime: false,
  },
] as const;
const site = useShortRoundSite("e2e-live-round", 6_000, {
  runtimeEnv: { LIVE_START_DELAY_MS: "1500" },
  lanes: Object.fromEntries(NETWORKS.map((n) => [String(n.rtt), n.lag])),
});
const lane = (rtt: number) => site().lane(String(rtt));

/**
 * What the player may see of a correction. A correction (the predicted Santa moved by the
 * server's word) is eased into the drawing, at most 6 world units a 60th of a second
 * (prediction.ts' MAX_STEP; Santa's own step is 7 a tick). How large the corrections themselves
 * get depends on the loss's luck and on how long this loaded machine stalls the page (reported;
 * docs/realtime.md lists them); what must hold is that each comes from ticks the server played
 * with the last input (its FRAMEs' filled count), never from the client's own reckoning.
 */
const MAX_STEP = 6.01;
/** A correction larger than this is drawn at once, a snap (prediction.ts' SNAP_AT): none may be. */
const SNAP_AT = 240;

/** A new guest on `rtt`'s network presses Play (the countdown 3 s): the round opens live. */
async function openLiveRound(browser: Browser, rtt: number, device: BrowserContextOptions) {
  const context = await browser.newContext({ baseURL: lane(rtt).url, ...device });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playAsGuest(page, "countdown=3000");
  await clickButton(page, "Play");
  return { context, page, errors };
}

/** The player's record on this week's board, asked of Nakama directly (not through the proxy). */
async function boardScore(page: Page): Promise<number | null> {
  const tokens = await savedTokens(page);
  if (!tokens) throw new Error("not signed in");
  const claims = JSON.parse(
    Buffer.from(tokens.token.split(".")[1] ?? "", "base64url").toString(),
  ) as { uid: string };
  const res = await fetch(
    `http://127.0.0.1:${site().port}/v2/leaderboard/weekly_leaderboard?owner_ids=${claims.uid}`,
    { headers: { authorization: `Bearer ${tokens.token}` } },
  );
  const body = (await res.json()) as { owner_records?: { score?: string }[] };
  const record = body.owner_records?.[0];
  // A score of 0 is left out of the JSON (proto3).
  return record ? Number(record.score ?? 0) : null;
}

/** Plays until the round scene ends, steering with `steer` once a frame; returns what it saw. */
async function playLive(page: Page, steer: (s: TestApiRound) => Promise<void>) {
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing", 20_000);
  await waitFrames(page);
  let ranked = false;
  let largest = 0;
  let step = 0;
  let live: TestApiRound["live"] = null;
  for (;;) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    const s = await roundView(page);
    if (!s) break;
    // Read at "over" too: a page short of CPU may draw few frames, the last one the round's end.
    if (s.live) ranked = true;
    live = s.live ?? live;
    largest = Math.max(largest, s.live?.largestCorrection ?? 0);
    step = Math.max(step, s.live?.largestStep ?? 0);
    if (s.phase === "over") break;
    if (s.phase === "playing") await steer(s);
  }
  return { ranked, largest, step, live };
}

/**
 * Rules version 2 draws each spawn 24 ticks (400 ms) before it is on the field: at 150 ms RTT
 * every gift's reveal reaches the client well before its predicted round gets there, at 300 ms
 * just before (docs/realtime.md, "What is revealed, and when"). A count from the client's own
 * prediction, not a timing; `onTime` asserts it (NETWORKS says where).
 */
function checkReveals(live: TestApiRound["live"], delayMs: number, onTime: boolean) {
  test.info().annotations.push(
    {
      type: "one-way delay, estimated (the proxy's) (ms)",
      description: `${live?.oneWayMs?.toFixed(1)} (${delayMs})`,
    },
    { type: "gift reveals (late)", description: `${live?.giftReveals} (${live?.lateGiftReveals})` },
    {
      type: "power-up reveals (late)",
      description: `${live?.powerUpReveals} (${live?.latePowerUpReveals})`,
    },
    // Late ones the server drew without the player's input for that tick (a stalled page).
    { type: "late reveals drawn without the input", description: String(live?.lateWithoutInput) },
    {
      type: "reveal margin, ticks early (least, most)",
      description: JSON.stringify(live?.revealMargin),
    },
  );
  // Every 6 s round reveals its two power-ups' places (3–4.5 s in), and a gift at each grab.
  expect((live?.giftReveals ?? 0) + (live?.powerUpReveals ?? 0)).toBeGreaterThan(0);
  // No gift reveal late for the lead. The proxy holds 2 % of chunks a retransmit (an RTT), and
  // TCP holds every later chunk behind one: an input held so misses its window, the server
  // waits the window out and draws without it, and that reveal is late for the lost segment,
  // not the lead (counted apart: "late reveals drawn without the input"). Power-ups are reported.
  if (onTime) expect((live?.lateGiftReveals ?? 0) - (live?.lateGiftsWithoutInput ?? 0)).toBe(0);
}

/** The game-over screen once the server's END is shown; checks it against the board. */
async function checkOutcome(page: Page, context: BrowserContext, errors: string[]) {
  const over = await waitForGame(page, (s) => s.scene === "GameOver" && s.status === "ready");
  const g = over.gameOver as {
    score: number;
    shownScore: string;
    outcome: { status: string; score: number; rank: number } | null;
    largestCorrection: number | null;
    largestStep: number | null;
    snaps: number | null;
    largestFill: number | null;
  };
  expect(g.outcome?.status).toBe("accepted");
  const board = await boardScore(page);
  // The server's score is the score: shown, and on the board (0 stays off it).
  expect(g.shownScore).toBe(`Score: ${g.score}`);
  expect(g.score).toBe(g.outcome?.score);
  expect(board ?? 0).toBe(g.score);
  expect(g.largestStep ?? Infinity).toBeLessThanOrEqual(MAX_STEP);
  expect(g.snaps).toBe(0);
  expect(g.largestCorrection ?? Infinity).toBeLessThanOrEqual(SNAP_AT);
  if ((g.largestCorrection ?? 0) > 0) expect(g.largestFill ?? 0).toBeGreaterThan(0);
  test
    .info()
    .annotations.push(
      { type: "largest correction (world units)", description: String(g.largestCorrection) },
      { type: "largest step drawn (world units)", description: String(g.largestStep) },
      { type: "snaps", description: String(g.snaps) },
      { type: "most ticks filled between frames", description: String(g.largestFill) },
      { type: "score", description: String(g.score) },
    );
  expect(errors).toEqual([]);
  await context.close();
  return g;
}

for (const { rtt, loss, lag, revealsOnTime } of NETWORKS) {
  test(`a ranked live round at 1280×720 with the keyboard, ${rtt} ms RTT and ${loss}: the score shown is the board's`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const viewport = { width: 1280, height: 720 };
    const { context, page, errors } = await openLiveRound(browser, rtt, { viewport });
    const keys = keyboardSteer(page);
    const { ranked, largest, step, live } = await playLive(page, keys.steer);
    await keys.release();
    expect(ranked).toBe(true);
    expect(step).toBeLessThanOrEqual(MAX_STEP);
    test.info().annotations.push({ type: "largest correction seen", description: String(largest) });
    await checkOutcome(page, context, errors);
    checkReveals(live, lag.delayMs, revealsOnTime);
    if (lag.lossRate > 0) expect(lane(rtt).lagStats?.held).toBeGreaterThan(0);
  });

  test(`a ranked live round at 390×844 with touch, ${rtt} ms RTT and ${loss}: the score shown is the board's`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const viewport = { width: 390, height: 844 };
    const phone = { viewport, hasTouch: true, isMobile: true };
    const { context, page, errors } = await openLiveRound(browser, rtt, phone);
    const finger = await touchSteer(page, viewport);
    const { ranked, live } = await playLive(page, finger.steer);
    await finger.release();
    expect(ranked).toBe(true);
    await checkOutcome(page, context, errors);
    checkReveals(live, lag.delayMs, revealsOnTime);
  });
}

test("turning the phone mid live round spends one of its pauses, says what to do, and plays on only on the player's word", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const portrait = { width: 390, height: 844 };
  const phone = { viewport: portrait, hasTouch: true, isMobile: true };
  const { context, page, errors } = await openLiveRound(browser, 150, phone);
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing", 20_000);
  expect((await roundView(page))?.live).not.toBeNull();

  await page.setViewportSize({ width: portrait.height, height: portrait.width });
  const paused = await waitForGame(page, (s) => s.status === "paused");
  expect(paused.dialog).toEqual({
    title: "Paused: the screen turned",
    message: expect.stringMatching(
      /^Turn your phone back to continue at full size, or continue as it is\. 1 pause left in this round\. It goes on by itself in \d+ s\.$/,
    ),
  });
  await page.setViewportSize(portrait);
  await waitForGame(page, (s) =>
    String((s.dialog as { message?: string } | null)?.message).startsWith(
      "The round fits the screen again. 1 pause left",
    ),
  );
  // The server's clock stands still until the player says (or the pause's 10 s run out).
  expect((await roundView(page))?.phase).toBe("paused");
  await clickButton(page, "Resume");
  await waitForGame(page, (s) => s.status === "playing");
  await checkOutcome(page, context, errors);
});
