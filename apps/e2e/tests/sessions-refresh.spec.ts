import { startTestStack } from "@gift-grab/devkit";
import type { Page } from "@playwright/test";
import { newAccount, savedTokens } from "../support/accounts";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { expect, test } from "../support/test";
import { clickButton, waitForScene } from "../support/ui";

const TOKEN_SEC = 3;
const LOGIN_SEC = 25;

/**
 * A server of this file's own with 3 s session tokens and logins that end after 25 s
 * (MAX_LOGIN_DAYS), so renewal and its end happen within one test: the game renews at half a
 * token's life, the steps before the last take about 15 s, and the login's end is watched
 * after that. The game is pointed at it with ?nakama_port=.
 */
let stack: Awaited<ReturnType<typeof startTestStack>>;
test.beforeAll(async () => {
  stack = await startTestStack({
    limits: "raised",
    name: "e2e-refresh",
    config: { session: { token_expiry_sec: TOKEN_SEC } },
    runtimeEnv: { MAX_LOGIN_DAYS: String(LOGIN_SEC / 86_400) },
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

const open = (page: Page) => page.goto(`/?nakama_port=${stack.port}`);

function expSec(token: string): number {
  const part = token.split(".")[1] ?? "";
  return (JSON.parse(Buffer.from(part, "base64url").toString()) as { exp: number }).exp;
}

test("tokens renew before they expire, a reload after expiry renews and restores, and a login past its lifetime ends", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  let page = await context.newPage();
  const errors = watchErrors(page);
  const account = newAccount("rf");
  await open(page);
  await waitForScene(page, "SignIn");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Username").fill(account.username);
  await page.getByRole("button", { name: "Create account" }).click();
  await waitForScene(page, "Menu");
  const signedInAt = Date.now();
  await waitForGame(page, (s) => s.connection === "online");

  // Renewed on its own, again and again, each time with the newest refresh token (the server
  // revokes the login if one is used twice, and the game would fall back to the sign-in screen).
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const t = await savedTokens(page);
        if (t) seen.add(t.token);
        return seen.size;
      },
      { timeout: 4 * TOKEN_SEC * 1000, intervals: [250] },
    )
    .toBeGreaterThanOrEqual(4);
  const s = await gameState(page);
  expect(s.connection).toBe("online");
  // The renewed session works for RPCs: the Account screen loads the stats.
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await expect
    .poll(async () => ((await gameState(page)).account as { stats: unknown })?.stats)
    .toBeTruthy();

  // Away for longer than a token lives: back → renewed with the refresh token, restored.
  const before = await savedTokens(page);
  await page.close();
  await new Promise((r) =>
    setTimeout(r, Math.max(0, (expSec(before?.token ?? "") + 1) * 1000 - Date.now())),
  );
  page = await context.newPage();
  await open(page);
  await waitForScene(page, "Menu");
  const after = await savedTokens(page);
  expect(after?.refreshToken).not.toBe(before?.refreshToken);
  expect(expSec(after?.token ?? "")).toBeGreaterThan(Date.now() / 1000);

  // Past the login's lifetime the server refuses to renew: "Your session ended".
  await page.close();
  await new Promise((r) =>
    setTimeout(r, Math.max(0, signedInAt + (LOGIN_SEC + 2) * 1000 - Date.now())),
  );
  page = await context.newPage();
  await open(page);
  await waitForScene(page, "SignIn");
  await expect(page.getByText("Your session ended — sign in again")).toBeVisible();
  expect(await savedTokens(page)).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
});
