import { waitForGame, watchErrors } from "../support/game";
import { keyboardSteer, playRace, raceResults, watchRace } from "../support/race-play";
import { useShortRoundSite } from "../support/round-stack";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest } from "../support/ui";

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
  for (const { errors } of pages) expect(errors).toEqual([]);
});

test("a player nobody else is searching races the server's bots, and watches the race with every Santa", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: site().url });
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
  await page.screenshot({ path: "artifacts/screens/race-watch-end.png" });
  await clickButton(page, "Back");
  const back = await raceResults(page);
  expect(back.table).toBe(results.table);
  expect(errors).toEqual([]);
  await context.close();
});
