import { expect, test } from "@playwright/test";
import { gameState, waitForGame, watchErrors } from "../support/game";
import { chaseGiftsWithPointer, playRoundAsNewGuest } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { clickButton, waitForScene } from "../support/ui";

test.describe.configure({ timeout: 120_000 });

const site = useShortRoundSite("e2e-leaderboard", 5_000);

test("play a real round → game over shows the rank → the leaderboard lists the player", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { over } = await playRoundAsNewGuest(page, "?seed=5");
  const result = over.gameOver as {
    score: number;
    shownScore: string;
    message: string;
    gap: string;
    outcome: { status: string; rank: number; best: number };
  };
  expect(result.outcome).toMatchObject({ status: "accepted", rank: 1, best: result.score });
  expect(result.message).toContain("Rank: #1");
  // Ready once the score has counted up to the count, with the gap to the next player.
  expect(result.shownScore).toBe(`Score: ${result.score}`);
  expect(result.gap).toBe("You're #1 this week!");

  // Game over leads straight to the board.
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

test("a new guest is offered a friendly name, may choose another, and the board shows it", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto("/");
  await waitForScene(page, "SignIn");
  await page.getByRole("button", { name: "Play as guest" }).click();
  const step = page.getByRole("form", { name: "Choose your name" });
  const field = step.getByLabel("Your name");
  // The generated name: two words and a number, e.g. "Jolly Elf 42".
  await expect(field).toHaveValue(/^[A-Z][a-z]+ [A-Z][a-z]+( [A-Z][a-z]+)? \d{1,2}$/);
  // A name the rules refuse says why and stays on the step.
  await field.fill("<b>x</b>");
  await step.getByRole("button", { name: "Play", exact: true }).click();
  await expect(step.getByRole("alert")).toContainText("letters, digits, spaces");
  await field.fill("Speedy Tester");
  await step.getByRole("button", { name: "Play", exact: true }).click();
  await waitForScene(page, "Menu");
  await expect(page.getByRole("form")).toHaveCount(0);

  await clickButton(page, "Play");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await chaseGiftsWithPointer(page);
  await waitForGame(page, (s) => s.scene === "GameOver" && s.status === "ready", 20_000);
  await clickButton(page, "Menu");
  await waitForScene(page, "Menu");
  await clickButton(page, "Leaderboard");
  const board = await waitForGame(
    page,
    (s) => s.scene === "Leaderboard" && s.status === "ready" && s.leaderboard !== undefined,
  );
  const lb = board.leaderboard as { me: { name: string; username: string } | null };
  expect(lb.me?.name).toBe("Speedy Tester");
  expect(lb.me?.username).toMatch(/^guest_/);

  // A returning guest (same browser) is not asked again.
  await page.evaluate(() => localStorage.removeItem("gift-grab.session"));
  await page.goto("/");
  await waitForScene(page, "SignIn");
  await page.getByRole("button", { name: "Play as guest" }).click();
  await waitForScene(page, "Menu");
  expect(errors).toEqual([]);
  await context.close();
});
