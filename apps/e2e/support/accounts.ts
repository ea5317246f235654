import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { waitForScene } from "./ui";

/** A new account's credentials, unique per call (usernames: 3–20 of [a-z0-9_]). */
export function newAccount(prefix = "p") {
  const id = randomBytes(5).toString("hex");
  return {
    email: `${prefix}-${id}@e2e.example.org`,
    password: `pw-${id}-secret`,
    username: `${prefix}_${id}`.slice(0, 20),
  };
}

/** Where the e2e run's own Nakama listens (support/global-setup.ts). */
export function nakamaUrl(path: string) {
  return `http://127.0.0.1:${process.env.E2E_NAKAMA_PORT}${path}`;
}

/** The session tokens the net layer keeps in localStorage (src/net/storage-keys.ts). */
export async function savedTokens(
  page: Page,
): Promise<{ token: string; refreshToken: string } | null> {
  const raw = await page.evaluate(() => localStorage.getItem("gift-grab.session"));
  return raw ? (JSON.parse(raw) as { token: string; refreshToken: string }) : null;
}

/** Asks the server directly, as any HTTP client could: does it still take this token? */
export async function serverTakesToken(token: string): Promise<number> {
  const res = await fetch(nakamaUrl("/v2/account"), {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}

/** Asks the server to renew with this refresh token: 200 means it still works. */
export async function serverTakesRefreshToken(refreshToken: string): Promise<number> {
  const res = await fetch(nakamaUrl("/v2/account/session/refresh"), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${process.env.E2E_NAKAMA_KEY ?? "defaultkey"}:`).toString("base64")}`,
    },
    body: JSON.stringify({ token: refreshToken }),
  });
  return res.status;
}

/** Signs up through the sign-in form (on the page at `path`) and lands on the menu. */
export async function signUpWithForm(
  page: Page,
  account: ReturnType<typeof newAccount>,
  path = "/",
) {
  await page.goto(path);
  await waitForScene(page, "SignIn");
  await fillCredentials(page, account.email, account.password);
  await page.getByLabel("Username").fill(account.username);
  await page.getByRole("button", { name: "Create account" }).click();
  await waitForScene(page, "Menu");
}

/** Signs in through the sign-in form (the page must show it). */
export async function signInWithForm(page: Page, email: string, password: string) {
  await fillSignIn(page, email, password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Fills in the sign-in form (the page must show it) without sending it. */
export async function fillSignIn(page: Page, email: string, password: string) {
  await waitForScene(page, "SignIn");
  await fillCredentials(page, email, password);
}

async function fillCredentials(page: Page, email: string, password: string) {
  await expect(page.getByLabel("Email")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
}
