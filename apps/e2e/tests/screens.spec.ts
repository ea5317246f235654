import { expect, test } from "@playwright/test";
import { newAccount, signInWithForm, signUpWithForm } from "../support/accounts";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { useShortRoundSite } from "../support/round-stack";
import { clickButton, waitForScene } from "../support/ui";

/** Screenshots of every scene at phone and desktop sizes, for people to look at. */
const sizes = [
  { name: "phone", width: 360, height: 640 },
  { name: "desktop", width: 1920, height: 1080 },
] as const;

// 1920×1080 in software WebGL is slow, and screenshots of it more so.
test.describe.configure({ timeout: 180_000 });

const site = useShortRoundSite("e2e-screens", 6_000);

for (const size of sizes) {
  test(`every scene renders at ${size.name} size (${size.width}×${size.height})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      baseURL: site().url,
      viewport: { width: size.width, height: size.height },
      hasTouch: size.name === "phone",
      isMobile: size.name === "phone",
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const shot = (scene: string) =>
      page.screenshot({ path: `artifacts/screens/${scene}-${size.name}.png` });

    await page.goto("/?seed=42");
    await waitForScene(page, "SignIn");
    await shot("signin");
    await page.getByRole("button", { name: "Play as guest" }).click();
    await waitForScene(page, "Menu");
    await shot("menu");

    for (const [label, scene] of [
      ["Account", "Account"],
      ["Settings", "Settings"],
    ] as const) {
      await clickButton(page, label);
      await waitForScene(page, scene);
      await shot(scene.toLowerCase());
      await clickButton(page, "Back");
      await waitForScene(page, "Menu");
    }

    await clickButton(page, "Play");
    await waitForGame(page, (s) => s.scene === "Game" && s.status === "playing");
    await waitForGame(page, (s) => ((s.round as { timeLeftMs: number }).timeLeftMs ?? 0) < 4_000);
    await shot("game");
    await waitForScene(page, "GameOver", "ready", 30_000);
    await shot("gameover");
    await clickButton(page, "Menu");
    await waitForScene(page, "Menu");
    await clickButton(page, "Leaderboard");
    await waitForGame(
      page,
      (s) =>
        s.scene === "Leaderboard" &&
        s.status === "ready" &&
        ((s.leaderboard as { rows: unknown[] } | undefined)?.rows.length ?? 0) > 0,
    );
    await shot("leaderboard");
    await clickButton(page, "Back");
    await waitForScene(page, "Menu");
    expect((await gameState(page)).scene).toBe("Menu");
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const size of sizes) {
  test(`the signed-in-elsewhere overlay at ${size.name} size`, async ({ browser }) => {
    const account = newAccount("scr");
    const opts = { baseURL: site().url, viewport: { width: size.width, height: size.height } };
    const older = await (await browser.newContext(opts)).newPage();
    const newer = await (await browser.newContext(opts)).newPage();
    await signUpWithForm(older, account);
    await waitForGame(older, (s) => s.connection === "online");
    await newer.goto("/");
    await signInWithForm(newer, account.email, account.password);
    await waitForScene(newer, "Menu");
    const kicked = await waitForGame(older, (s) => s.kicked === true);
    expect(kicked.connection).toBe("kicked");
    // The modal's buttons are the only ones on offer while it is up.
    expect((kicked.buttons as { label: string }[]).map((b) => b.label)).toEqual([
      "Play here",
      "Sign out",
    ]);
    await older.screenshot({ path: `artifacts/screens/kicked-${size.name}.png` });
    await clickButton(older, "Sign out");
    await waitForScene(older, "SignIn");
    await older.context().close();
    await newer.context().close();
  });
}
