import { expect, test } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { chaseGiftsWithPointer } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

test.describe.configure({ timeout: 120_000 });

const site = useShortRoundSite("e2e-leaderboard", 5_000);

test("play a real round → game over shows the rank → the leaderboard lists the player", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playAsGuest(page, "?seed=5");
  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Game" && s.status === "playing");
  await chaseGiftsWithPointer(page);
  const over = await waitForGame(
    page,
    (s) => s.scene === "GameOver" && s.status === "ready",
    20_000,
  );
  const result = over.gameOver as {
    score: number;
    message: string;
    outcome: { status: string; rank: number; best: number };
  };
  expect(result.outcome).toMatchObject({ status: "accepted", rank: 1, best: result.score });
  expect(result.message).toContain("Rank: #1");

  await clickButton(page, "Menu");
  await waitForScene(page, "Menu");
  await clickButton(page, "Leaderboard");
  const board = await waitForGame(
    page,
    (s) => s.scene === "Leaderboard" && s.status === "ready" && s.leaderboard !== undefined,
  );
  const lb = board.leaderboard as {
    rows: { rank: number; username: string; score: number; isMe: boolean }[];
    me: { rank: number; score: number } | null;
  };
  expect(lb.rows).toContainEqual(
    expect.objectContaining({ rank: 1, score: result.score, isMe: true }),
  );
  expect(lb.me).toMatchObject({ rank: 1, score: result.score });
  await clickButton(page, "Around me");
  await waitForGame(page, (s) => s.status === "ready");
  expect((await gameState(page)).leaderboard).toMatchObject({ me: { rank: 1 } });
  expect(errors).toEqual([]);
  await context.close();
});
