import { startTestStack } from "@gift-grab/devkit";
import type { Page } from "@playwright/test";
import { newAccount } from "../support/accounts";
import { gameState, waitForGame } from "../support/game";
import { expect, test } from "../support/test";
import { waitForScene } from "../support/ui";

/** A server of this file's own with SESSION_POLICY=deny_new; the game is pointed at it. */
let stack: Awaited<ReturnType<typeof startTestStack>>;
test.beforeAll(async () => {
  stack = await startTestStack({
    limits: "raised",
    name: "e2e-deny-new",
    runtimeEnv: { SESSION_POLICY: "deny_new" },
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

const open = (page: Page) => page.goto(`/?nakama_port=${stack.port}`);

async function fillSignIn(page: Page, email: string, password: string) {
  await waitForScene(page, "SignIn");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
}

test("deny_new: a second device is refused with 'already playing' and can choose to play here", async ({
  browser,
}) => {
  const account = newAccount("dn");
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();

  await open(a);
  await fillSignIn(a, account.email, account.password);
  await a.getByLabel("Username").fill(account.username);
  await a.getByRole("button", { name: "Create account" }).click();
  await waitForScene(a, "Menu");
  await waitForGame(a, (s) => s.connection === "online");

  await open(b);
  await fillSignIn(b, account.email, account.password);
  await b.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(b.getByText("This account is playing on another device")).toBeVisible();
  expect((await gameState(b)).scene).toBe("SignIn");
  // The playing device is untouched.
  expect((await gameState(a)).connection).toBe("online");

  await b.getByRole("button", { name: "Play here instead" }).click();
  await waitForScene(b, "Menu");
  await expect
    .poll(async () => (await gameState(a)).connection, { timeout: 2_000, intervals: [100] })
    .toBe("kicked");
  await waitForGame(b, (s) => s.connection === "online");

  await contextA.close();
  await contextB.close();
});
