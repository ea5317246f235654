import type { SessionInfo } from "@gift-grab/game/test-api-types";
import {
  nakamaUrl,
  newAccount,
  savedTokens,
  serverTakesRefreshToken,
  serverTakesToken,
  signInWithForm,
  signUpWithForm,
} from "../support/accounts";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

interface AccountView {
  session: SessionInfo | null;
}

async function accountView(page: import("@playwright/test").Page): Promise<AccountView> {
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await expect
    .poll(async () => ((await gameState(page)).account as AccountView)?.session)
    .toBeTruthy();
  return (await gameState(page)).account as AccountView;
}

test("sign up → reload → still signed in; sign out → the server refuses the old tokens", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const account = newAccount("su");
  const before = Date.now();
  await signUpWithForm(page, account);

  await page.reload();
  await waitForScene(page, "Menu"); // restored from storage, no sign-in screen
  const { session } = await accountView(page);
  expect(session?.email).toBe(account.email);
  expect(session?.username).toBe(account.username);
  expect(session?.isGuest).toBe(false);
  const signedInAt = session?.signedInAt.getTime() ?? 0;
  expect(signedInAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  expect(signedInAt).toBeLessThanOrEqual(Date.now());
  expect(session?.refreshExpiresAt.getTime()).toBeGreaterThan(
    session?.tokenExpiresAt.getTime() ?? 0,
  );

  const tokens = await savedTokens(page);
  expect(tokens).not.toBeNull();
  expect(await serverTakesToken(tokens?.token ?? "")).toBe(200);

  await clickButton(page, "Sign out");
  await clickButton(page, "Yes, sign out");
  await waitForScene(page, "SignIn");
  expect(await savedTokens(page)).toBeNull();
  expect(await serverTakesToken(tokens?.token ?? "")).toBe(401);
  expect(await serverTakesRefreshToken(tokens?.refreshToken ?? "")).toBe(401);

  // And a reload stays signed out.
  await page.reload();
  await waitForScene(page, "SignIn");
  expect(errors).toEqual([]);
});

test("sign-in failures say what to do: wrong password, email taken, username taken", async ({
  page,
}) => {
  const account = newAccount("sf");
  await signUpWithForm(page, account);
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await clickButton(page, "Sign out");
  await clickButton(page, "Yes, sign out");

  await signInWithForm(page, account.email, "not-the-password");
  await expect(page.getByText("Wrong email or password")).toBeVisible();

  const other = newAccount("sf");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(other.password);
  await page.getByLabel("Username").fill(other.username);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists")).toBeVisible();

  await page.getByLabel("Email").fill(other.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That username is taken")).toBeVisible();

  await signInWithForm(page, account.email, account.password);
  await waitForScene(page, "Menu");
});

test("the server unreachable: sign-in says so", async ({ page, context }) => {
  await page.goto("/");
  await waitForScene(page, "SignIn");
  await context.route(/\/v2\/account\/authenticate\//, (route) => route.abort("connectionrefused"));
  await signInWithForm(page, "someone@e2e.example.org", "whatever-password");
  await expect(page.getByText("Can't reach the game server")).toBeVisible();
});

test("guest → save progress with an email → same user id, and it signs in by email", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await playAsGuest(page);
  const guest = (await accountView(page)).session;
  expect(guest?.isGuest).toBe(true);

  const account = newAccount("lk");
  await clickButton(page, "Save progress");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Save progress" }).click();
  await expect
    .poll(async () => ((await gameState(page)).account as AccountView)?.session?.email)
    .toBe(account.email);
  expect(((await gameState(page)).account as AccountView).session?.userId).toBe(guest?.userId);

  await clickButton(page, "Sign out");
  await clickButton(page, "Yes, sign out");
  await signInWithForm(page, account.email, account.password);
  await waitForScene(page, "Menu");
  expect((await accountView(page)).session?.userId).toBe(guest?.userId);
  expect(errors).toEqual([]);
});

test("sign out everywhere: back to the sign-in screen and the server refuses the tokens", async ({
  page,
}) => {
  const account = newAccount("so");
  await signUpWithForm(page, account);
  await waitForGame(page, (s) => s.connection === "online");
  const tokens = await savedTokens(page);
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await clickButton(page, "Sign out everywhere");
  await clickButton(page, "Yes, sign out everywhere");
  await waitForScene(page, "SignIn");
  expect((await gameState(page)).connection).toBe("signed_out");
  expect(await savedTokens(page)).toBeNull();
  expect(await serverTakesToken(tokens?.token ?? "")).toBe(401);
  expect(await serverTakesRefreshToken(tokens?.refreshToken ?? "")).toBe(401);
});

test("a session ended by the server while playing sends the player to sign in, saying why", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const account = newAccount("se");
  await signUpWithForm(page, account);
  await waitForGame(page, (s) => s.connection === "online");
  const tokens = await savedTokens(page);
  // The same login signed out from elsewhere (e.g. a script holding the token): the server
  // revokes it and tells this device's socket, which is no kick from another device.
  const res = await fetch(nakamaUrl("/v2/rpc/session_logout?unwrap=true"), {
    method: "POST",
    headers: { authorization: `Bearer ${tokens?.token}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(200);
  await waitForScene(page, "SignIn");
  await expect(page.getByText("Your session ended — sign in again")).toBeVisible();
  expect((await gameState(page)).kicked).toBeFalsy();
  expect(errors).toEqual([]);
});
