import fs from "node:fs";
import type { Page } from "@playwright/test";
import { gameState, type TestApiState, waitForGame, watchErrors } from "../support/game";
import { roundIn } from "../support/round-play";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

/** Screenshots for people to look at (issue 14's evidence). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? "artifacts/screens";

// Independent tests on the shared stack: on workers of their own they don't queue one after
// another (~55 s in one worker) near the suite's end.
test.describe.configure({ mode: "parallel" });

async function round(page: Page) {
  return roundIn(await gameState(page));
}

test("a round opens with 3-2-1 and a one-time controls hint, the last seconds pulse, and time's up before game over", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  // A 2× round: a 1.5 s countdown and 15 s of play.
  await playAsGuest(page, "?speed=2&countdown=3000");
  await clickButton(page, "Play");
  const counting = await waitForGame(page, (s) => s.scene === "Round" && s.status === "countdown");
  const first = roundIn(counting).hud;
  expect(["3", "2", "1"]).toContain(first.banner);
  expect(first.hint).toContain("steer Santa");
  // The clock waits for the countdown.
  expect((await round(page)).timeLeftMs).toBe(30_000);
  await waitForGame(page, (s) => s.status === "playing");

  // The last 5 s: the timer turns red and pulses; before that it is the HUD's colour.
  const early = await round(page);
  expect(early.timeLeftMs).toBeGreaterThan(5_000);
  expect(early.hud.timeColor).not.toBe("#ff7b72");
  // 12.75 s of page time at 2×: the page's clock runs slower than the wall's when its frames
  // are starved (a frame counts at most 100 ms), so the wait is not the default 15 s.
  await waitForGame(page, (s) => (s.round?.timeLeftMs ?? Infinity) < 4_500, 45_000);
  expect((await round(page)).hud.timeColor).toBe("#ff7b72");

  // Time's up! is said on the field before the game-over screen (a 0.6 s beat at 2×: watched
  // every frame in the page, not by polling from here).
  await page.waitForFunction(
    () => {
      const s = (window as unknown as { __giftGrabProbe: { state: TestApiState } }).__giftGrabProbe
        .state;
      const hud = s.round?.hud;
      return s.scene === "Round" && s.status === "over" && hud?.banner === "Time's up!";
    },
    null,
    { polling: "raf", timeout: 30_000 },
  );
  await waitForScene(page, "GameOver", "ready", 20_000);

  // Play again counts from 1 (Settings' "Play again: Quick", the default), and the hint was
  // for the first round only. The count is 0.5 s at 2×: watched every frame in the page.
  await clickButton(page, "Play again");
  const again = await page.waitForFunction(
    () => {
      const s = (window as unknown as { __giftGrabProbe: { state: TestApiState } }).__giftGrabProbe
        .state;
      const hud = s.round?.hud;
      // The first number the count shows.
      return s.scene === "Round" && s.status === "countdown" && /^\d$/.test(hud?.banner ?? "")
        ? hud
        : null;
    },
    null,
    { polling: "raf", timeout: 20_000 },
  );
  expect(await again.jsonValue()).toMatchObject({ banner: "1", hint: "" });
  expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
});

test("a practice round's countdown takes no steering, and Esc pauses it; Resume carries on counting", async ({
  page,
}) => {
  // A live round's countdown is the server's (it can't pause before tick 0): a practice round's.
  await playAsGuest(page, "?seed=3&countdown=3000");
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "countdown");
  // Steering during the countdown moves nothing.
  const x0 = (await round(page)).santa.x;
  await page.keyboard.down("ArrowRight");
  await page.waitForTimeout(400);
  await page.keyboard.up("ArrowRight");
  const held = await gameState(page);
  expect(held.status).toBe("countdown");
  expect(roundIn(held).santa.x).toBe(x0);
  await page.keyboard.press("Escape");
  await waitForGame(page, (s) => s.status === "paused");
  const banner = (await round(page)).hud.banner;
  await page.waitForTimeout(1_200); // a paused countdown must not count
  expect((await round(page)).hud.banner).toBe(banner);
  await clickButton(page, "Resume");
  await waitForGame(page, (s) => s.status === "countdown");
  await waitForGame(page, (s) => s.status === "playing");
});

// Phones with 3× screens: the canvas draws at the capped ratio (2×), not at 1× upscaled. A
// phone has a GPU and WebGL draws there; this machine has none (Canvas, which stays at 1×), so
// the phones ask for their ratio with `dpr=3`, as WebGL's default would take it.
for (const size of [
  { name: "phone-portrait", width: 390, height: 844, touch: true, dpr: 3, canvasRatio: 2 },
  { name: "phone-landscape", width: 844, height: 390, touch: true, dpr: 3, canvasRatio: 2 },
  { name: "desktop", width: 1920, height: 1080, touch: false, dpr: 1, canvasRatio: 1 },
]) {
  test(`the round's countdown and play at ${size.width}×${size.height} (${size.dpr}× screen)`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.dpr,
      hasTouch: size.touch,
      isMobile: size.touch,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    fs.mkdirSync(SHOTS, { recursive: true });
    await playAsGuest(page, `?seed=5&countdown=3000&dpr=${size.dpr}`);
    await page.screenshot({ path: `${SHOTS}/menu-${size.width}x${size.height}.png` });
    await clickButton(page, "Play");
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "countdown");
    const canvas = await page.evaluate(() => {
      const c = document.querySelector("canvas") as HTMLCanvasElement;
      return { width: c.width, height: c.height, css: c.getBoundingClientRect().toJSON() };
    });
    expect(canvas).toMatchObject({
      width: size.width * size.canvasRatio,
      height: size.height * size.canvasRatio,
      css: { width: size.width, height: size.height },
    });
    const hud = (await round(page)).hud;
    expect(hud.hint).toContain(size.touch ? "Touch anywhere" : "Arrow keys");
    await page.screenshot({ path: `${SHOTS}/game-countdown-${size.width}x${size.height}.png` });
    await waitForGame(page, (s) => s.status === "playing");
    await waitForGame(page, (s) => (s.round?.timeLeftMs ?? Infinity) < 27_000);
    await page.screenshot({ path: `${SHOTS}/game-play-${size.width}x${size.height}.png` });

    // The HUD's mute is a fingertip's size, and it is Settings' Sound.
    const mute = async () => (await round(page)).mute;
    const m = await mute();
    expect(Math.min(m.width, m.height)).toBeGreaterThanOrEqual(44);
    const press = (p: { x: number; y: number }) =>
      size.touch ? page.touchscreen.tap(p.x, p.y) : page.mouse.click(p.x, p.y);
    expect((await round(page)).muted).toBe(false);
    await press(m);
    await waitForGame(page, (s) => s.round?.muted === true);
    expect(await page.evaluate(() => localStorage.getItem("gift-grab.settings"))).toContain(
      '"sound":false',
    );
    await page.screenshot({ path: `${SHOTS}/game-muted-${size.width}x${size.height}.png` });
    await press(await mute());
    await waitForGame(page, (s) => s.round?.muted === false);
    expect((await gameState(page)).status).toBe("playing");

    if (size.touch) {
      // Turning the phone mid-round pauses it and says what to do; turning it back says it fits
      // again, and only Resume plays on. Turned again, "Continue as it is" plays on small.
      const turn = (turned: boolean) =>
        page.setViewportSize(
          turned
            ? { width: size.height, height: size.width }
            : { width: size.width, height: size.height },
        );
      await turn(true);
      const paused = await waitForGame(page, (s) => s.status === "paused");
      expect(paused.dialog).toEqual({
        title: "Paused: the screen turned",
        message: "Turn your phone back to continue at full size, or continue as it is.",
      });
      const left = (await round(page)).timeLeftMs;
      await page.screenshot({ path: `${SHOTS}/game-turned-${size.height}x${size.width}.png` });
      await turn(false);
      await waitForGame(
        page,
        (s) =>
          (s.dialog as { message?: string } | null)?.message === "The round fits the screen again.",
      );
      await page.waitForTimeout(300); // paused: the clock stands still until the player says
      expect(await round(page)).toMatchObject({ phase: "paused", timeLeftMs: left });
      await clickButton(page, "Resume");
      await waitForGame(page, (s) => s.status === "playing");
      await turn(true);
      await waitForGame(page, (s) => s.status === "paused");
      await clickButton(page, "Continue as it is");
      await waitForGame(page, (s) => (s.round?.timeLeftMs ?? Infinity) < left - 100);
      await turn(false);
      await waitForGame(page, (s) => s.status === "paused");
      await clickButton(page, "Resume");
      await waitForGame(page, (s) => s.status === "playing");
    }
    await page.keyboard.press("Escape");
    await clickButton(page, "Quit to menu");
    await waitForGame(
      page,
      (s) => s.buttons !== undefined && JSON.stringify(s.buttons).includes('"Quit"'),
    );
    await page.screenshot({ path: `${SHOTS}/game-quit-${size.width}x${size.height}.png` });
    await clickButton(page, "Quit");
    await waitForScene(page, "Menu");
    expect(errors).toEqual([]);
    await context.close();
  });
}
