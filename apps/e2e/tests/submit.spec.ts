import { expect, type Page, test } from "@playwright/test";
import { gameState, timingsParam, waitForGame, watchErrors } from "../support/game";
import { useShortRoundSite } from "../support/round-stack";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

// A server of this file's own whose rounds last 5 s: a real round the server accepts, played
// at real speed. Retries 200 ms apart, doubling to 1 s: many of them while blocked.
const site = useShortRoundSite("e2e-submit", 5_000);
const PAGE = `?${timingsParam({ submitRetryBaseMs: 200, submitRetryMaxMs: 1_000 })}`;

/** Round submissions waiting in localStorage (src/net/storage-keys.ts). */
async function pendingSubmissions(page: Page): Promise<number> {
  const raw = await page.evaluate(() => localStorage.getItem("gift-grab.pending-submissions"));
  return raw ? (JSON.parse(raw) as unknown[]).length : 0;
}

async function accountStats(page: Page) {
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  let stats: { gamesPlayed: number; best: number } | null = null;
  await expect
    .poll(async () => {
      stats = ((await gameState(page)).account as { stats: typeof stats })?.stats ?? null;
      return stats !== null;
    })
    .toBe(true);
  await clickButton(page, "Back");
  await waitForScene(page, "Menu");
  return stats as unknown as { gamesPlayed: number; best: number };
}

test("a score submitted while the network is down is kept, survives a reload, and lands exactly once", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // "lose": the request reaches the server but its answer is lost; "block": no request gets out.
  let mode: "lose" | "block" | "pass" = "lose";
  let reachedServer = 0;
  await page.route(/\/v2\/rpc\/round_submit/, async (route) => {
    if (mode === "pass") return route.continue();
    if (mode === "lose") {
      mode = "block"; // only the first answer is lost; the retries don't get out
      await route.fetch();
      reachedServer++;
    }
    return route.abort("internetdisconnected");
  });

  await playAsGuest(page, PAGE);
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await waitForGame(page, (s) => s.scene === "GameOver" && s.status === "ready", 60_000);
  const over = (await gameState(page)).gameOver as { score: number; outcome: { status: string } };
  expect(over.outcome.status).toBe("queued");
  expect(reachedServer).toBe(1);
  expect(await pendingSubmissions(page)).toBe(1);

  // A reload while round_submit is still blocked: the submission is still there.
  await page.reload();
  await waitForScene(page, "Menu");
  expect(await pendingSubmissions(page)).toBe(1);

  // The network is back: the retries (with backoff) deliver it, once.
  mode = "pass";
  await expect.poll(() => pendingSubmissions(page), { timeout: 60_000 }).toBe(0);
  const stats = await accountStats(page);
  expect(stats.gamesPlayed).toBe(1);
  expect(stats.best).toBe(over.score);
  // The browser logs each blocked request; nothing else may go wrong.
  expect(errors.filter((e) => !e.includes("net::ERR_INTERNET_DISCONNECTED"))).toEqual([]);
  await context.close();
});
