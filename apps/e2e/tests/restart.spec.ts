import { PLAYER_STATS_GET, playerStatsGet } from "@gift-grab/contracts";
import { expect, test } from "@playwright/test";
import { savedTokens } from "../support/accounts";
import { waitForGame, watchErrors } from "../support/game";
import { chaseGiftsWithPointer } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { clickButton, playAsGuest } from "../support/ui";

test.describe.configure({ timeout: 120_000 });

const site = useShortRoundSite("e2e-restart", 6_000);

test("Nakama restarts during a round: the game reconnects and the score lands exactly once", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playAsGuest(page, "?seed=7");
  await waitForGame(page, (s) => s.connection === "online");
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");

  // The server goes away and comes back while the round is being played.
  const restarted = site().restartNakama();
  await waitForGame(page, (s) => s.connection === "reconnecting", 10_000);
  await restarted;
  await chaseGiftsWithPointer(page);
  const over = await waitForGame(
    page,
    (s) => s.scene === "GameOver" && s.status === "ready",
    30_000,
  );
  const result = over.gameOver as { score: number; outcome: { status: string } };
  // Accepted at once, or queued and answered once the server is back: either way it lands.
  if (result.outcome.status === "queued") {
    await waitForGame(page, (s) => String(s.lastToast ?? "").includes("saved"), 30_000);
  } else {
    expect(result.outcome.status).toBe("accepted");
  }
  await waitForGame(page, (s) => s.connection === "online", 30_000);

  const tokens = await savedTokens(page);
  const res = await fetch(
    `http://127.0.0.1:${site().port}/v2/rpc/${PLAYER_STATS_GET}?unwrap=true`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${tokens?.token}`, "content-type": "application/json" },
      body: "{}",
    },
  );
  expect(res.status).toBe(200);
  const stats = playerStatsGet.response.parse(await res.json());
  expect(stats.games_played).toBe(1);
  expect(stats.best).toBe(result.score);
  expect(
    errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|WebSocket/.test(e)),
  ).toEqual([]);
  await context.close();
});
