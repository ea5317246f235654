import type { TestApiRound } from "@gift-grab/game/test-api-types";
import type { Page } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { playRoundAsNewGuest, roundIn } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { expect, test } from "../support/test";
import { clickButton, waitForScene } from "../support/ui";

test.describe.configure({ timeout: 120_000 });

const site = useShortRoundSite("e2e-watch", 5_000);

async function watched(page: Page) {
  return roundIn(await gameState(page));
}

/** Plays the open Watch to its end at 4×, pausing once on the way; returns the final view. */
async function watchToTheEnd(page: Page): Promise<TestApiRound> {
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  expect((await watched(page)).watching).not.toBeNull();
  await clickButton(page, "Pause");
  await waitForGame(page, (s) => s.status === "paused");
  const left = (await watched(page)).timeLeftMs;
  await page.waitForTimeout(300); // paused playback must not move
  expect((await watched(page)).timeLeftMs).toBe(left);
  await page.screenshot({ path: "artifacts/screens/watch-paused.png" });
  await clickButton(page, "Play");
  await clickButton(page, "4×");
  await waitForGame(page, (s) => s.round?.watchSpeed === 4);
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "watched", 20_000);
  return watched(page);
}

test("a real round lands with the score shown, and Watch of that run ends on the same score", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { over, end } = await playRoundAsNewGuest(page);
  const result = over.gameOver as {
    score: number;
    shownScore: string;
    outcome: { status: string; score: number; best: number };
  };
  // The server played the round live: its score is the one shown.
  expect(result.outcome).toMatchObject({ status: "accepted", score: result.score });
  expect(result.shownScore).toBe(`Score: ${result.score}`);
  // A played run, not a standing Santa (any score: a 5 s round on a random seed may be a
  // freeze and no gift); the Watches below must end on its exact final state, not only its score.
  expect(end).toMatchObject({ phase: "over", score: result.score });
  if (!end) throw new Error("the round ended unseen");
  const played = end;
  expect(played.santa).not.toMatchObject({
    x: played.field.width / 2,
    y: played.field.height / 2,
  });

  // Game over: "Watch your run" plays the same simulation on the recorded inputs.
  await clickButton(page, "Watch your run");
  const mine = await watchToTheEnd(page);
  // The client's own state had a placeholder RNG (the seed never reached it): the score is what
  // must agree.
  expect(mine).toMatchObject({ phase: "over", score: result.score });
  expect(mine.hud.score).toBe(`Score: ${result.score}`);
  await clickButton(page, "Back");
  await waitForScene(page, "GameOver");

  // The leaderboard: Watch on the row plays the run the server kept, to the board's score.
  await clickButton(page, "Menu");
  await waitForScene(page, "Menu");
  await clickButton(page, "Leaderboard");
  const board = await waitForGame(
    page,
    (s) => s.scene === "Leaderboard" && s.status === "ready" && s.leaderboard !== undefined,
  );
  const rows = (board.leaderboard as { rows: { score: number; isMe: boolean }[] }).rows;
  expect(rows).toEqual([expect.objectContaining({ score: result.score, isMe: true })]);
  await clickButton(page, "Watch");
  const fromBoard = await watchToTheEnd(page);
  expect(fromBoard).toMatchObject({ phase: "over", score: result.score, hash: mine.hash });
  expect(fromBoard.hud.score).toBe(`Score: ${result.score}`);
  await clickButton(page, "Back");
  await waitForScene(page, "Leaderboard");
  expect(errors).toEqual([]);
  await context.close();
});
