import type { Page } from "@playwright/test";
import { gameState, waitForGame, waitFrames, watchErrors } from "../support/game";
import { type PageBox, type RaceWatchSight, raceResults, raceSight } from "../support/race-play";
import { useShortRoundSite } from "../support/round-stack";
import { heldKeys } from "../support/steer";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest } from "../support/ui";

/**
 * A race against the server's bots at a phone's sizes (upright, then turned sideways: one
 * touch session) and a laptop's, with the player's Santa driven into the field's top-left
 * corner, where the standings used to sit, and the phone's Watch of it, paused halfway: the
 * standings lie outside the field at every size, no name tag is under them or over the header
 * (the probe's boxes), and a screenshot of each is kept for people to look at.
 */
const SCREENS = process.env.SCREENS_DIR ?? "artifacts/screens";

const site = useShortRoundSite("e2e-race-screens", 18_000, {
  runtimeEnv: { LIVE_START_DELAY_MS: "1500" },
});

test.describe.configure({ timeout: 120_000 });

const overlaps = (a: PageBox, b: PageBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Holds the arrow keys toward the field's top-left corner on the screen (the keys steer on
 * the screen, however the field is turned) until Santa is there or the race is over.
 */
async function toTopLeft(page: Page): Promise<void> {
  const { hold, release } = heldKeys(page);
  for (;;) {
    const s = await raceSight(page);
    if (s?.phase !== "playing") break;
    const dx = s.field.x + 30 - s.santa.page.x;
    const dy = s.field.y + 30 - s.santa.page.y;
    if (dx > -12 && dy > -12) break;
    await hold("ArrowLeft", dx < -12);
    await hold("ArrowUp", dy < -12);
    await page.waitForTimeout(50);
  }
  await release();
}

/** What a race and its Watch show of the standings, the field and the tags, on the page. */
interface Layout {
  standings: string;
  field: PageBox;
  standingsBox: PageBox;
  tags: PageBox[];
}

/** The standings clear of the field and on the screen; every tag clear of them and the header. */
function expectClear(page: Page, name: string, s: Layout, seats: number) {
  expect(s.standings.split("\n")).toHaveLength(seats);
  expect.soft(overlaps(s.standingsBox, s.field), `${name}: standings over the field`).toBe(false);
  expect(s.tags).toHaveLength(seats);
  for (const [seat, tag] of s.tags.entries()) {
    expect
      .soft(overlaps(tag, s.standingsBox), `${name}: seat ${seat}'s tag under the standings`)
      .toBe(false);
    expect
      .soft(tag.y, `${name}: seat ${seat}'s tag over the header`)
      .toBeGreaterThanOrEqual(s.field.y - 0.5);
  }
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  const box = s.standingsBox;
  expect
    .soft(
      box.x >= -0.5 &&
        box.y >= -0.5 &&
        box.x + box.width <= viewport.width + 0.5 &&
        box.y + box.height <= viewport.height + 0.5,
      `${name}: standings on the screen`,
    )
    .toBe(true);
}

/** Santa in the corner: a screenshot, and the standings and tags clear. */
async function look(page: Page, name: string) {
  await toTopLeft(page);
  await waitFrames(page);
  await page.screenshot({ path: `${SCREENS}/race-${name}.png` });
  const s = await raceSight(page);
  expect(s, `${name}: still racing`).not.toBeNull();
  if (s) expectClear(page, name, s, s.seats);
}

/** Watch of the race, paused on its way: a screenshot, and the standings and tags clear. */
async function lookAtWatch(page: Page, name: string) {
  await waitFrames(page);
  await page.screenshot({ path: `${SCREENS}/race-watch-${name}.png` });
  const s = (await gameState(page)).raceWatch as RaceWatchSight;
  expectClear(page, `Watch ${name}`, s, s.players.length);
}

async function quickRace(page: Page) {
  await playAsGuest(page, "countdown=3000");
  await clickButton(page, "Race");
  await clickButton(page, "Quick race");
  await waitForGame(page, (s) => s.scene === "Race" && s.status === "playing", 30_000);
  await waitFrames(page);
}

test("a phone's race, upright then sideways, and its Watch: the standings beside the field", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: site().url,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await quickRace(page);
  await look(page, "390x844");
  await page.setViewportSize({ width: 844, height: 390 });
  await expect
    .poll(async () => {
      const s = await raceSight(page);
      return s ? s.field.width > s.field.height : null;
    })
    .toBe(true);
  await look(page, "844x390");
  // Its Watch, paused halfway: the same layout, above Watch's controls.
  await raceResults(page);
  await clickButton(page, "Watch");
  await waitForGame(
    page,
    (s) => {
      const w = s.raceWatch as RaceWatchSight | undefined;
      return (
        s.scene === "RaceWatch" && s.status === "playing" && (w?.tick ?? 0) > (w?.ticks ?? 0) / 2
      );
    },
    30_000,
  );
  await clickButton(page, "Pause");
  await waitForGame(page, (s) => s.scene === "RaceWatch" && s.status === "paused");
  await lookAtWatch(page, "844x390");
  await page.setViewportSize({ width: 390, height: 844 });
  await waitForGame(page, (s) => (s.raceWatch as RaceWatchSight | undefined)?.turned === true);
  await lookAtWatch(page, "390x844");
  expect(errors).toEqual([]);
});

test("a laptop's race: the standings beside the field", async ({ browser }) => {
  const context = await browser.newContext({
    baseURL: site().url,
    viewport: { width: 1280, height: 720 },
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await quickRace(page);
  await look(page, "1280x720");
  expect(errors).toEqual([]);
});
