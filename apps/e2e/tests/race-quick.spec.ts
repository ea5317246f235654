import { waitForGame, waitFrames, watchErrors } from "../support/game";
import { playRace, type RaceWatchSight, raceResults, watchRace } from "../support/race-play";
import { useShortRoundSite } from "../support/round-stack";
import { keyboardSteer } from "../support/steer";
import { expect, test } from "../support/test";
import { clickButton, leaderboardShown, playAsGuest } from "../support/ui";

// Quick races through Nakama's matchmaker (every second; a full race or, after 3 runs, fewer).
const site = useShortRoundSite("e2e-race-quick", 6_000, {
  runtimeEnv: { LIVE_START_DELAY_MS: "1500" },
});

test("two players searching at once are matched into one race and see the same result", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const pages = await Promise.all(
    [0, 1].map(async () => {
      const context = await browser.newContext({ baseURL: site().url });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await playAsGuest(page, "countdown=3000");
      await clickButton(page, "Race");
      return { page, errors };
    }),
  );
  await Promise.all(pages.map(({ page }) => clickButton(page, "Quick race")));
  const steers = pages.map(({ page }) => keyboardSteer(page));
  const last = await Promise.all(
    pages.map(({ page }, i) =>
      playRace(page, (s) => (steers[i] as ReturnType<typeof keyboardSteer>).steer(s)),
    ),
  );
  for (const s of steers) await s.release();
  // Matched with each other, not with bots.
  for (const s of last) {
    expect(s.seats).toBe(2);
    expect(s.players.every((p) => !p.bot)).toBe(true);
    expect(s.desyncs).toBe(0);
    expect(s.firstDesync).toBeNull();
  }
  const [a, b] = await Promise.all(pages.map(({ page }) => raceResults(page)));
  const scores = (t: string) => t.split("\n").map((l) => Number(l.split(/\s+/).pop()));
  expect(scores(a?.table ?? "")).toEqual(scores(b?.table ?? ""));

  // The versus board, from the race menu: this week's points, this race's included.
  const { page } = pages[0] as (typeof pages)[number];
  await clickButton(page, "Menu");
  await clickButton(page, "Race");
  await clickButton(page, "Versus board");
  const board = await leaderboardShown(page, "versus", (view) => view.me !== null);
  expect(board.me?.score).toBe(a?.end?.best);
  await clickButton(page, "Back");
  await waitForGame(page, (s) => s.scene === "RaceMenu");
  for (const { errors } of pages) expect(errors).toEqual([]);
});

test("a player nobody else is searching races the server's bots, and watches the race with every Santa", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({
    baseURL: site().url,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playAsGuest(page, "countdown=3000");
  await clickButton(page, "Race");
  await clickButton(page, "Quick race");
  await waitForGame(page, (s) => s.scene === "Race", 20_000);
  const keys = keyboardSteer(page);
  const last = await playRace(page, keys.steer);
  await keys.release();
  expect(last.seats).toBe(4);
  expect(last.players.filter((p) => p.bot)).toHaveLength(3);
  const results = await raceResults(page);
  expect(results.note).toContain("A race against bots is practice");

  // Watch: the stored race (race_get) played again, every Santa with its tag, to the same
  // scores and places the results showed; on a phone held upright, the race's wide field turned.
  await page.setViewportSize({ width: 390, height: 844 });
  const watched = await watchRace(page);
  expect(watched.turned).toBe(true);
  expect(watched.phase).toBe("over");
  expect(watched.tick).toBe(watched.ticks);
  expect(watched.players).toEqual(last.players);
  expect(watched.scores).toEqual(results.scores);
  const places = (t: string) => t.split("\n").map((l) => l.replace(/^\S+\s+/, ""));
  const standing = (t: string) => t.split("\n").map((l) => l.replace(/^\d+\.\s+/, ""));
  expect(standing(watched.standings)).toEqual(places(results.table));
  // The racer's own score; no power-up's countdown left at the end.
  expect(watched.hud.score).toBe(`Score: ${watched.scores[watched.seat]}`);
  expect(watched.hud.power).toBe("");
  await page.screenshot({ path: "artifacts/screens/race-watch-end.png" });

  // Share: headless Chromium has no share sheet, so the link is copied. Opened in a fresh
  // browser with no account (a phone held sideways), it plays the same race with every Santa
  // named (the visitor raced in none), to the same scores.
  await clickButton(page, "Share");
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain("watch_race=");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const visitorContext = await browser.newContext({
    viewport: { width: 844, height: 390 },
    hasTouch: true,
    isMobile: true,
  });
  const visitor = await visitorContext.newPage();
  const visitorErrors = watchErrors(visitor);
  await visitor.goto(link);
  const opened = await waitForGame(visitor, (s) => s.scene === "RaceWatch", 20_000);
  const sight = opened.raceWatch as RaceWatchSight;
  expect(sight.seat).toBe(-1);
  expect(sight.players).toEqual(last.players);
  expect(new URL(visitor.url()).searchParams.has("watch_race")).toBe(false);
  // A spectator has no score of their own: the HUD says the time, the standings every score.
  expect(sight.hud.score).toBe("");
  expect(sight.hud.time).toMatch(/^Race replay\nTime: \d+ secs$/);
  await clickButton(visitor, "4×");
  const seen = await waitForGame(
    visitor,
    (s) => s.scene === "RaceWatch" && s.status === "watched",
    30_000,
  );
  expect((seen.raceWatch as RaceWatchSight).scores).toEqual(results.scores);
  // The racer's own line says their name, not "You".
  const racer = last.players[watched.seat]?.name ?? "";
  expect(standing((seen.raceWatch as RaceWatchSight).standings)).toEqual(
    places(results.table).map((l) => l.replace(/^You /, `${racer} `)),
  );
  const end = (seen.raceWatch as RaceWatchSight).hud;
  expect([end.score, end.power]).toEqual(["", ""]);
  await visitor.screenshot({ path: "artifacts/screens/race-watch-shared-844x390.png" });
  await visitor.setViewportSize({ width: 390, height: 844 });
  await waitFrames(visitor, 5);
  await visitor.screenshot({ path: "artifacts/screens/race-watch-shared-390x844.png" });
  await clickButton(visitor, "Back");
  await waitForGame(visitor, (s) => s.scene === "Menu");
  expect(visitorErrors).toEqual([]);

  await clickButton(page, "Back");
  const back = await raceResults(page);
  expect(back.table).toBe(results.table);
  expect(errors).toEqual([]);
  await context.close();
});
