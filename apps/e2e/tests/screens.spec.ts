import type { TestApiText } from "@gift-grab/game/test-api-types";
import type { Page } from "@playwright/test";
import { newAccount, signInWithForm, signUpWithForm } from "../support/accounts";
import { gameState, waitForGame, waitFrames, watchErrors } from "../support/game";
import { chaseGiftsWithPointer, playScoringRound, roundIn } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { expect, test } from "../support/test";
import {
  buttonsOf,
  clickButton,
  expectButtonsReachable,
  leaderboardShown,
  waitForScene,
} from "../support/ui";

/**
 * Every scene at phone (upright and sideways, touch), small-phone, laptop (1280×720) and desktop
 * (1920×1080) sizes: every
 * button inside the viewport and the topmost thing at its centre, and a screenshot for people
 * to look at (artifacts/screens, or SCREENS_DIR).
 *
 * On phones (upright and sideways) every tap target is at least 44×44 CSS pixels and every text
 * at least 14 CSS pixels high.
 *
 * Sizes that share a device (touch, pixel ratio) share one session: each scene is shown at
 * one size and then resized through the others, as a phone turned sideways would be, so
 * every size gets every scene once and the layouts that follow a resize are checked too.
 */
interface Size {
  name: string;
  width: number;
  height: number;
}
const phone: Size = { name: "phone", width: 390, height: 844 };
const sideways: Size = { name: "sideways", width: 844, height: 390 };
const small: Size = { name: "small", width: 360, height: 640 };
const laptop: Size = { name: "laptop", width: 1280, height: 720 };
const desktop: Size = { name: "desktop", width: 1920, height: 1080 };
const devices: { name: string; sizes: [Size, ...Size[]]; touch: boolean }[] = [
  { name: "touch", sizes: [phone, sideways, small], touch: true },
  { name: "desktop", sizes: [laptop, desktop], touch: false },
];
const SCREENS = process.env.SCREENS_DIR ?? "artifacts/screens";

/** Phone sizes, where fingers tap and eyes read at arm's length. */
const MIN_TAP = 44;
const MIN_TEXT = 14;
const isPhone = (size: Size) => size === phone || size === sideways;

/** The texts on screen, from the test build's probe. */
function textsOf(page: Page): Promise<TestApiText[]> {
  return page.evaluate(() =>
    (window as unknown as { __giftGrabProbe: { texts(): TestApiText[] } }).__giftGrabProbe.texts(),
  );
}

/** Every button takes a fingertip, and every text reads (big enough, on the screen). */
async function expectReadable(page: Page, where: string) {
  const problems: string[] = [];
  for (const b of buttonsOf(await gameState(page))) {
    // Half a pixel for the canvas's rounding of its own size.
    if (b.width < MIN_TAP - 0.5 || b.height < MIN_TAP - 0.5) {
      problems.push(`button "${b.label}" ${b.width.toFixed(1)}×${b.height.toFixed(1)}`);
    }
  }
  const texts = await textsOf(page);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  for (const t of texts) {
    const label = `text "${t.text.slice(0, 40)}"`;
    if (t.fontSize < MIN_TEXT - 0.5) problems.push(`${label} ${t.fontSize.toFixed(1)} px`);
    if (t.x < -0.5 || t.x + t.width > viewport.width + 0.5) {
      problems.push(
        `${label} runs off the screen: ${Math.round(t.x)}…${Math.round(t.x + t.width)}`,
      );
    }
  }
  expect
    .soft(problems, `${where}: tap targets under ${MIN_TAP} px or texts under ${MIN_TEXT} px`)
    .toEqual([]);
}

/** The canvas's size in its own pixels and in CSS pixels. */
function canvasSize(page: Page) {
  return page.evaluate(() => {
    const c = document.querySelector("canvas") as HTMLCanvasElement;
    const r = c.getBoundingClientRect();
    return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height };
  });
}

/**
 * Resizes the page to `size` and waits until the game has followed (its canvas resized, so
 * every scene's resize handler has laid it out again) and drawn a couple of frames since.
 */
async function resizeTo(page: Page, size: Size) {
  const now = page.viewportSize();
  if (now?.width === size.width && now.height === size.height) return;
  const before = await canvasSize(page);
  const ratio = before.width / before.cssWidth;
  await page.setViewportSize({ width: size.width, height: size.height });
  await expect
    .poll(() => canvasSize(page), { message: `canvas at ${size.name}` })
    .toEqual({
      width: Math.round(size.width * ratio),
      height: Math.round(size.height * ratio),
      cssWidth: size.width,
      cssHeight: size.height,
    });
  await waitFrames(page);
}

// 1920×1080 in software WebGL is slow, and screenshots of it more so. The file's tests run on
// workers of their own, each with its own stack (useShortRoundSite starts one per worker): one
// after another they were the suite's last ~50 s, one worker busy and the others done.
test.describe.configure({ timeout: 180_000, mode: "parallel" });

// A round long enough for what the test does while it runs (a pause, then every size with its
// screenshots): with 6 s, a loaded machine's slow clicks and shots let it end first, and the
// Pause then waited for a pause that could not come.
const site = useShortRoundSite("e2e-screens", 12_000);

for (const device of devices) {
  const names = device.sizes.map((s) => `${s.name} (${s.width}×${s.height})`).join(", ");
  test(`every scene renders at ${names} size`, async ({ browser }) => {
    const context = await browser.newContext({
      baseURL: site().url,
      viewport: { width: device.sizes[0].width, height: device.sizes[0].height },
      hasTouch: device.touch,
      isMobile: device.touch,
      // Phones draw at their pixel ratio (capped at 2): the layout works in canvas pixels.
      deviceScaleFactor: device.touch ? 2 : 1,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    // Each scene goes through the sizes there and back (phone, sideways, small, then small,
    // sideways, phone): the next scene opens at the size the last one ended on.
    let order: Size[] = device.sizes;
    const atEverySize = async (check: (size: Size) => Promise<void>) => {
      for (const size of order) {
        await resizeTo(page, size);
        await check(size);
      }
      order = [...order].reverse();
    };
    const shots = (scene: string) =>
      atEverySize(async (size) => {
        await page.screenshot({ path: `${SCREENS}/${scene}-${size.name}.png` });
        await expectButtonsReachable(page, `${scene} at ${size.name}`);
        if (isPhone(size)) await expectReadable(page, `${scene} at ${size.name}`);
      });

    await page.goto("/");
    await waitForScene(page, "SignIn");
    await atEverySize(async (size) => {
      await expect(page.getByRole("button", { name: "Play as guest" })).toBeInViewport({
        ratio: 1,
      });
      await page.screenshot({ path: `${SCREENS}/signin-${size.name}.png` });
      await expectButtonsReachable(page, `signin at ${size.name}`);
      if (isPhone(size)) await expectReadable(page, `signin at ${size.name}`);
    });
    await page.getByRole("button", { name: "Play as guest" }).click();
    const nameStep = page.getByRole("form", { name: "Choose your name" });
    await expect(nameStep).toBeVisible();
    await shots("choose-name");
    await nameStep.getByRole("button", { name: "Play", exact: true }).click();
    await waitForScene(page, "Menu");
    await shots("menu");

    for (const [label, scene] of [
      ["Account", "Account"],
      ["Settings", "Settings"],
    ] as const) {
      await clickButton(page, label);
      await waitForScene(page, scene);
      await shots(scene.toLowerCase());
      await clickButton(page, "Back");
      await waitForScene(page, "Menu");
    }

    await clickButton(page, "Play");
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
    // The pause menu over the round, laid out again at each size.
    await clickButton(page, "Pause");
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "paused");
    await shots("pause");
    await clickButton(page, "Resume");
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
    // The round at every size, while the rest of it (under 12 s) runs. A resize that turns the
    // screen or rescales the field pauses it, saying what to do; the player plays on. A live
    // round's pause is the server's (PAUSED comes a round trip after the turn): a turn away from
    // the field's shape, with a pause left, is waited for, not sampled.
    const played = roundIn(await gameState(page));
    const fieldTall = played.field.height > played.field.width;
    let wasTurned = false;
    await atEverySize(async (size) => {
      const turned = size.height > size.width !== fieldTall;
      const left = (await gameState(page)).round?.live?.pausesLeft;
      if (turned && !wasTurned && (left ?? 0) > 0)
        await waitForGame(page, (s) => s.status === "paused");
      wasTurned = turned;
      const now = await gameState(page);
      if (now.status === "paused") {
        await page.screenshot({ path: `${SCREENS}/game-resized-${size.name}.png` });
        await expectButtonsReachable(page, `game resized to ${size.name}`);
        const goOn = buttonsOf(now).find((b) => ["Continue as it is", "Resume"].includes(b.label));
        expect(goOn, `game resized to ${size.name}: a way to play on`).toBeDefined();
        await clickButton(page, goOn?.label ?? "");
        await waitForGame(page, (s) => s.status === "playing");
      }
      await page.screenshot({ path: `${SCREENS}/game-${size.name}.png` });
      // The shot shows the round being played, at this size.
      const s = await gameState(page);
      expect({ scene: s.scene, status: s.status }, `game at ${size.name}`).toEqual({
        scene: "Round",
        status: "playing",
      });
      if (isPhone(size)) await expectReadable(page, `game at ${size.name}`);
    });
    // The rest of the round, chasing gifts: a round that catches nothing stays off the board,
    // and the board's shot wants this player's row (played again in the rare round without one).
    await chaseGiftsWithPointer(page);
    const over = await waitForScene(page, "GameOver", "ready", 30_000);
    if ((over.gameOver as { score: number }).score === 0) {
      await clickButton(page, "Play again");
      await playScoringRound(page);
    }
    await shots("gameover");
    // The replay viewer, paused at its start: its header names whose run it is.
    await clickButton(page, "Watch your run");
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
    await clickButton(page, "Pause");
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "paused");
    // Its header ("<name>'s run" over "Time: …") wraps clear of the score as it opens, before any
    // resize has laid it out again.
    const headerClear = async (where: string) => {
      const texts = await textsOf(page);
      const score = texts.find((t) => t.text.startsWith("Score:"));
      const header = texts.find((t) => t.text.includes("Time:"));
      expect(score && header, `${where}: score and header`).toBeTruthy();
      if (!score || !header) return;
      const apart =
        score.x + score.width <= header.x ||
        header.x + header.width <= score.x ||
        score.y + score.height <= header.y ||
        header.y + header.height <= score.y;
      expect(apart, `${where}: "${header.text}" over "${score.text}"`).toBe(true);
    };
    await headerClear("watch as it opens");
    await shots("watch");
    await clickButton(page, "Back");
    await waitForScene(page, "GameOver");
    await clickButton(page, "Menu");
    await waitForScene(page, "Menu");
    await clickButton(page, "Leaderboard");
    await leaderboardShown(page, "solo", (view) => view.rows.length > 0);
    await shots("leaderboard");
    // The versus tab: nobody has raced on this stack yet.
    await clickButton(page, "Versus");
    await leaderboardShown(page, "versus");
    await shots("leaderboard-versus");
    await clickButton(page, "Back");
    await waitForScene(page, "Menu");

    // A race: its menu, a friend race's lobby, the race itself (the host alone: the server's
    // bots in the other seats) and its results.
    await clickButton(page, "Race");
    await waitForScene(page, "RaceMenu");
    await shots("race-menu");
    await clickButton(page, "Race a friend");
    await waitForGame(page, (s) => s.scene === "RaceLobby" && !!s.raceLobby);
    await shots("race-lobby");
    await clickButton(page, "Start race");
    await waitForGame(page, (s) => s.scene === "Race" && s.status === "playing", 20_000);
    await atEverySize(async (size) => {
      await page.screenshot({ path: `${SCREENS}/race-${size.name}.png` });
      await expectButtonsReachable(page, `race at ${size.name}`);
      if (isPhone(size)) await expectReadable(page, `race at ${size.name}`);
    });
    await waitForScene(page, "RaceResults", "ready", 30_000);
    await shots("race-results");
    await clickButton(page, "Menu");
    await waitForScene(page, "Menu");
    expect((await gameState(page)).scene).toBe("Menu");
    expect(errors).toEqual([]);
    await context.close();
  });
}

test("the signed-in-elsewhere overlay at every size", async ({ browser }) => {
  const sizes = [phone, sideways, small, laptop, desktop];
  const account = newAccount("scr");
  const opts = {
    baseURL: site().url,
    viewport: { width: phone.width, height: phone.height },
  };
  const older = await (await browser.newContext(opts)).newPage();
  const newer = await (await browser.newContext(opts)).newPage();
  await signUpWithForm(older, account);
  await waitForGame(older, (s) => s.connection === "online" && s.music === "playing");
  await newer.goto("/");
  await signInWithForm(newer, account.email, account.password);
  await waitForScene(newer, "Menu");
  const kicked = await waitForGame(older, (s) => s.kicked === true);
  // The game stands still under the modal, and so does the menu's music.
  expect(kicked).toMatchObject({ connection: "kicked", music: "stopped" });
  for (const size of sizes) {
    await resizeTo(older, size);
    // The modal's buttons are the only ones on offer while it is up.
    const s = await gameState(older);
    expect(
      buttonsOf(s).map((b) => b.label),
      `kicked at ${size.name}`,
    ).toEqual(["Play here", "Sign out"]);
    await older.screenshot({ path: `${SCREENS}/kicked-${size.name}.png` });
    await expectButtonsReachable(older, `kicked at ${size.name}`);
    if (isPhone(size)) await expectReadable(older, `kicked at ${size.name}`);
  }
  await clickButton(older, "Sign out");
  await waitForScene(older, "SignIn");
  await older.context().close();
  await newer.context().close();
});
