import { waitForGame, waitFrames, watchErrors } from "../support/game";
import { playRace, raceResults } from "../support/race-play";
import { useShortRoundSite } from "../support/round-stack";
import { keyboardSteer, touchSteer } from "../support/steer";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest } from "../support/ui";

// A race with a friend through a bad network: a proxy in front of Nakama adds 100 ms each way
// (200 ms RTT) and holds 2 % of the chunks a retransmit longer. Races last 6 s.
const site = useShortRoundSite("e2e-race-friend", 6_000, {
  runtimeEnv: {
    LIVE_START_DELAY_MS: "1500",
    // A lobby whose host left passes on after 2 s (30 s in production), and its race waits 4 s
    // (10 s) for the host's seat before a bot plays it: the test below waits out both.
    RACE_LOBBY_HOST_GRACE_MS: "2000",
    LIVE_RACE_JOIN_WAIT_MS: "4000",
  },
  lag: { delayMs: 100, lossRate: 0.02, retransmitMs: 200, seed: 31 },
});

/** A results table's scores, in its order (each line ends with a score). */
const scoresOf = (table: string) => table.split("\n").map((l) => Number(l.split(/\s+/).pop()));

test("a friend race: a link opened with no account lands in the lobby; keyboard vs touch at 200 ms RTT, 2 % loss; both see the same result; rematch", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The host: a desktop (the suite's small window, 960×540) with the keyboard.
  const hostContext = await browser.newContext({
    baseURL: site().url,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const host = await hostContext.newPage();
  const hostErrors = watchErrors(host);
  await playAsGuest(host, "countdown=3000");
  await clickButton(host, "Race");
  await clickButton(host, "Race a friend");
  const lobby = await waitForGame(host, (s) => s.scene === "RaceLobby");
  const code = (lobby.raceLobby as { code: string }).code;
  expect(code).toMatch(/^[23456789A-HJ-NP-Z]{10}$/);
  await clickButton(host, "Share link");
  await waitForGame(host, (s) => typeof s.lastToast === "string");
  const link = await host.evaluate(() => navigator.clipboard.readText());
  // This page's address (its settings kept) naming the race.
  expect(link.startsWith(`${site().url}/?`)).toBe(true);
  expect(new URL(link).searchParams.get("race")).toBe(code);

  // The friend: a phone, a fresh browser with no account, opening the link.
  const phone = { width: 390, height: 844 };
  const friendContext = await browser.newContext({
    viewport: phone,
    hasTouch: true,
    isMobile: true,
  });
  const friend = await friendContext.newPage();
  const friendErrors = watchErrors(friend);
  await friend.goto(link);
  const inLobby = await waitForGame(friend, (s) => s.scene === "RaceLobby", 20_000);
  expect(inLobby.raceLobby).toMatchObject({ code, host: false });
  // The link is gone from the address: a reload goes to the game.
  expect(new URL(friend.url()).searchParams.has("race")).toBe(false);
  // Both see both, here.
  for (const page of [host, friend])
    await waitForGame(page, (s) => {
      const players = (s.raceLobby as { players: { here: boolean }[] } | undefined)?.players;
      return players?.length === 2 && players.every((p) => p.here);
    });

  // Two players, no bots.
  await clickButton(host, "Bots in empty seats: on");
  await clickButton(host, "Start race");
  const keys = keyboardSteer(host);
  const finger = await touchSteer(friend, phone);
  const [hostLast, friendLast] = await Promise.all([
    playRace(host, keys.steer),
    playRace(friend, finger.steer),
  ]);
  await keys.release();
  await finger.release();
  expect(hostLast.seats).toBe(2);
  expect(hostLast.players.every((p) => !p.bot)).toBe(true);
  expect(friendLast.seat).not.toBe(hostLast.seat);

  const [a, b] = await Promise.all([raceResults(host), raceResults(friend)]);
  // The same race, seen from both sides: the same scores in the same order, and places that
  // agree (one won, or both tied).
  expect(scoresOf(a.table)).toEqual(scoresOf(b.table));
  expect(a.end?.reason).toBe("completed");
  expect(b.end?.reason).toBe("completed");
  if (a.end?.score === b.end?.score) expect([a.place, b.place]).toEqual([1, 1]);
  else expect([a.place, b.place].sort()).toEqual([1, 2]);
  // The confirmed race was the server's, tick for tick (no frame disagreed).
  for (const last of [hostLast, friendLast]) {
    expect(last.firstDesync).toBeNull();
    expect(last.desyncs).toBe(0);
    expect(last.malformed).toBe(0);
  }
  // Both players counted on this week's versus board.
  expect(a.end?.rank).toBeGreaterThan(0);
  expect(b.end?.rank).toBeGreaterThan(0);
  test.info().annotations.push(
    { type: "scores", description: a.table.replace(/\n/g, " | ") },
    {
      type: "largest correction (host, friend)",
      description: `${hostLast.largestCorrection}, ${friendLast.largestCorrection}`,
    },
  );

  // Either player asks for the rematch (the friend, here): both are taken to the new race.
  await clickButton(friend, "Rematch");
  for (const page of [host, friend]) await waitForGame(page, (s) => s.scene === "Race", 20_000);
  expect(site().lagStats?.held).toBeGreaterThan(0);
  expect(hostErrors).toEqual([]);
  expect(friendErrors).toEqual([]);
  await hostContext.close();
  await friendContext.close();
});

test("a lobby whose host closed the game passes to the friend waiting, who is told and starts it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const hostContext = await browser.newContext({ baseURL: site().url });
  const host = await hostContext.newPage();
  await playAsGuest(host);
  await clickButton(host, "Race");
  await clickButton(host, "Race a friend");
  const lobby = await waitForGame(host, (s) => s.scene === "RaceLobby");
  const code = (lobby.raceLobby as { code: string }).code;

  const friendContext = await browser.newContext({ baseURL: site().url });
  const friend = await friendContext.newPage();
  const friendErrors = watchErrors(friend);
  await friend.goto(`/?race=${code}`);
  const both = await waitForGame(friend, (s) => {
    const l = s.raceLobby as { players: { here: boolean }[] } | undefined;
    return s.scene === "RaceLobby" && l?.players.length === 2 && l.players.every((p) => p.here);
  });
  const hostName = (both.raceLobby as { players: { name: string }[] }).players[0]?.name;
  // The host closes the game: past the grace the lobby is the friend's, and the friend is told.
  await hostContext.close();
  const taken = await waitForGame(
    friend,
    (s) => (s.raceLobby as { host?: boolean } | undefined)?.host === true,
    20_000,
  );
  const sight = taken.raceLobby as { hostSeat: number; list: string; status: string };
  expect(sight.hostSeat).toBe(1);
  expect(sight.status).toContain(`${hostName} left: you're the host now.`);
  expect(sight.list.split("\n").slice(0, 2)).toEqual([`1. ${hostName} (away)`, "2. You (host)"]);
  await friend.screenshot({ path: "artifacts/screens/race-lobby-host-left.png" });
  // Start is the friend's now (bots in the empty seats; the host's seat too once they don't come).
  await clickButton(friend, "Start race");
  const race = await waitForGame(friend, (s) => s.scene === "Race", 30_000);
  expect((race.race as { seat: number; seats: number }).seat).toBe(1);
  expect((race.race as { seats: number }).seats).toBe(4);
  await clickButton(friend, "Leave");
  await waitForGame(friend, (s) => s.scene === "Menu");
  expect(friendErrors).toEqual([]);
  await friendContext.close();
});

test("a friend's link whose race is unknown says so on the race screen", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  await page.goto("/?race=ABCDE-FGHJK");
  await waitForGame(page, (s) => s.scene === "RaceMenu", 20_000);
  const texts = await page.evaluate(() =>
    (window as unknown as { __giftGrabProbe: { texts(): { text: string }[] } }).__giftGrabProbe
      .texts()
      .map((t) => t.text),
  );
  expect(texts).toContain(
    "That race code isn't open. Check it, or ask your friend for a new link.",
  );
  await context.close();
});

test("a friend waiting in a lobby whose host makes another is told, on the race menu", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hostContext = await browser.newContext({ baseURL: site().url });
  const host = await hostContext.newPage();
  await playAsGuest(host);
  await clickButton(host, "Race");
  await clickButton(host, "Race a friend");
  const lobby = await waitForGame(host, (s) => s.scene === "RaceLobby");
  const code = (lobby.raceLobby as { code: string }).code;

  // The friend: a phone held upright, waiting in the lobby.
  const friendContext = await browser.newContext({
    baseURL: site().url,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const friend = await friendContext.newPage();
  const friendErrors = watchErrors(friend);
  await friend.goto(`/?race=${code}`);
  await waitForGame(friend, (s) => {
    const l = s.raceLobby as { players: { here: boolean }[] } | undefined;
    return s.scene === "RaceLobby" && l?.players.length === 2 && l.players.every((p) => p.here);
  });
  // The host leaves and makes another lobby: the first closes, and the friend hears why.
  await clickButton(host, "Leave");
  await waitForGame(host, (s) => s.scene === "RaceMenu");
  await clickButton(host, "Race a friend");
  await waitForGame(
    host,
    (s) => s.scene === "RaceLobby" && (s.raceLobby as { code: string }).code !== code,
  );
  await waitForGame(friend, (s) => s.scene === "RaceMenu", 20_000);
  const texts = await friend.evaluate(() =>
    (window as unknown as { __giftGrabProbe: { texts(): { text: string }[] } }).__giftGrabProbe
      .texts()
      .map((t) => t.text),
  );
  expect(texts).toContain("The host closed this race. Ask them for their new link.");
  await friend.screenshot({ path: "artifacts/screens/race-lobby-closed-390x844.png" });
  await friend.setViewportSize({ width: 844, height: 390 });
  await waitFrames(friend, 5);
  await friend.screenshot({ path: "artifacts/screens/race-lobby-closed-844x390.png" });
  expect(friendErrors).toEqual([]);
  await friendContext.close();
  await hostContext.close();
});
