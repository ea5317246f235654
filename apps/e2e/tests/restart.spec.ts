import { PLAYER_STATS_GET, playerStatsGet } from "@gift-grab/contracts";
import { savedTokens } from "../support/accounts";
import { waitForGame, watchErrors } from "../support/game";
import { useShortRoundSite } from "../support/round-stack";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest } from "../support/ui";

test.describe.configure({ timeout: 120_000 });

// Long enough that the restart lands mid-round.
const site = useShortRoundSite("e2e-restart", 20_000);

test("Nakama restarts during a live round: the player is told, and nothing half-written remains", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playAsGuest(page);
  await waitForGame(page, (s) => s.connection === "online");
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");

  // The server goes away (and its match with it) and comes back while the round is played.
  const restarted = site().restartNakama();
  await waitForGame(page, (s) => s.connection === "reconnecting", 10_000);
  await restarted;
  const over = await waitForGame(
    page,
    (s) => s.scene === "GameOver" && s.status === "ready",
    30_000,
  );
  const result = over.gameOver as { outcome: { status: string; message: string } };
  // Told: the match was gone on the rejoin (or the grace ran out first, on a slow restart).
  expect(result.outcome.status).toBe("rejected");
  expect(result.outcome.message).toMatch(/restarted|away too long/);
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
  // The match writes only at its end: a round cut by the restart left nothing behind.
  expect(stats.games_played).toBe(0);
  expect(
    errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|WebSocket/.test(e)),
  ).toEqual([]);
  await context.close();
});
