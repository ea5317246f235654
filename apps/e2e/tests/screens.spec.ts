import { expect, type Page, test } from "@playwright/test";
import { newAccount, signInWithForm, signUpWithForm } from "../support/accounts";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { useShortRoundSite } from "../support/round-stack";
import { buttonsOf, clickButton, waitForScene } from "../support/ui";

/**
 * Every scene at phone (upright and sideways, touch), small-phone and desktop sizes: every
 * button inside the viewport and the topmost thing at its centre, and a screenshot for people
 * to look at (artifacts/screens, or SCREENS_DIR).
 */
const sizes = [
  { name: "phone", width: 390, height: 844, touch: true },
  { name: "sideways", width: 844, height: 390, touch: true },
  { name: "small", width: 360, height: 640, touch: true },
  { name: "desktop", width: 1920, height: 1080, touch: false },
] as const;
const SCREENS = process.env.SCREENS_DIR ?? "artifacts/screens";

/** Each shown button lies wholly inside the viewport, and a tap at its centre reaches it. */
async function expectButtonsReachable(page: Page, where: string) {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  await expect
    .poll(async () => buttonsOf(await gameState(page)).length, { message: `${where}: buttons` })
    .toBeGreaterThan(0);
  for (const b of buttonsOf(await gameState(page))) {
    const label = `${where}: "${b.label}" at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
    expect(b.x >= -0.5 && b.y >= -0.5, label).toBe(true);
    expect(b.x + b.width <= viewport.width + 0.5, label).toBe(true);
    expect(b.y + b.height <= viewport.height + 0.5, label).toBe(true);
    const hit = await page.evaluate(
      ({ x, y, text }) => {
        const el = document.elementFromPoint(x, y);
        return (
          el instanceof HTMLCanvasElement || el?.closest("button")?.textContent?.trim() === text
        );
      },
      { x: b.x + b.width / 2, y: b.y + b.height / 2, text: b.label },
    );
    expect(hit, `${label} is covered`).toBe(true);
  }
}

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
      hasTouch: size.touch,
      isMobile: size.touch,
      // Phones draw at their pixel ratio (capped at 2): the layout works in canvas pixels.
      deviceScaleFactor: size.touch ? 2 : 1,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const shot = async (scene: string) => {
      await page.screenshot({ path: `${SCREENS}/${scene}-${size.name}.png` });
      if (scene !== "game") await expectButtonsReachable(page, `${scene} at ${size.name}`);
    };

    await page.goto("/?seed=42");
    await waitForScene(page, "SignIn");
    await expect(page.getByRole("button", { name: "Play as guest" })).toBeInViewport({ ratio: 1 });
    await shot("signin");
    await page.getByRole("button", { name: "Play as guest" }).click();
    const nameStep = page.getByRole("form", { name: "Choose your name" });
    await expect(nameStep).toBeVisible();
    await shot("choose-name");
    await nameStep.getByRole("button", { name: "Play", exact: true }).click();
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
    await older.screenshot({ path: `${SCREENS}/kicked-${size.name}.png` });
    await expectButtonsReachable(older, `kicked at ${size.name}`);
    await clickButton(older, "Sign out");
    await waitForScene(older, "SignIn");
    await older.context().close();
    await newer.context().close();
  });
}
