import { gameState, waitForGame, watchErrors } from "../support/game";
import { playRoundAsNewGuest, playScoringRound } from "../support/round-play";
import { useShortRoundSite } from "../support/round-stack";
import { expect, test } from "../support/test";
import {
  buttonsOf,
  clickButton,
  expectButtonsReachable,
  leaderboardShown,
  waitForScene,
} from "../support/ui";

test.describe.configure({ timeout: 120_000 });

const site = useShortRoundSite("e2e-leaderboard", 5_000);

test("play a real round → game over shows the rank → the leaderboard lists the player", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: site().url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { over } = await playRoundAsNewGuest(page);
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

  // Share: headless Chromium has no share sheet, so the link is copied and a toast says so.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await clickButton(page, "Share");
  await waitForGame(page, (s) => String(s.lastToast ?? "").startsWith("Link copied"));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/[?&]run=[0-9a-f-]{36}&score=\d+$/);

  // Space plays again at once (a round that catches nothing, left to run meanwhile).
  await page.keyboard.press("Space");
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");

  // The link, on a phone that has never seen the game: the run's card and Play, no sign-in.
  const phone = await browser.newContext({
    baseURL: site().url,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const visitor = await phone.newPage();
  const visitorErrors = watchErrors(visitor);
  await visitor.goto(link);
  const shared = await waitForScene(visitor, "SharedRun");
  expect(shared.sharedRun).toMatchObject({
    card: expect.stringMatching(new RegExp(`Score: ${result.score}\n#1 this week\nWeek of `)),
    note: "",
    watchable: true,
  });
  await expect(visitor.getByRole("form")).toHaveCount(0);
  await visitor.screenshot({ path: "artifacts/screens/shared-run-390x844.png" });
  await clickButton(visitor, "Watch the run");
  await waitForGame(visitor, (s) => s.scene === "Round" && s.status === "playing");
  await clickButton(visitor, "4×");
  const watched = await waitForGame(visitor, (s) => s.status === "watched", 20_000);
  expect(watched.round).toMatchObject({ phase: "over", score: result.score });
  await clickButton(visitor, "Back");
  await waitForScene(visitor, "SharedRun");

  // Play to beat it: standing still catches nothing, which stays off the board, no New best.
  await clickButton(visitor, "Play");
  const zero = await waitForScene(visitor, "GameOver", "ready", 20_000);
  expect(zero.gameOver).toMatchObject({
    score: 0,
    outcome: { status: "accepted", score: 0, rank: 0, newBest: false },
    message: "Catch a gift to get on this week's board.",
  });
  // The sharer is #1: game over offers their run to watch.
  expect(buttonsOf(zero).map((b) => b.label)).toContain("Watch #1's run");
  await visitor.screenshot({ path: "artifacts/screens/game-over-zero-390x844.png" });
  // Enter plays again at once too.
  await visitor.keyboard.press("Enter");
  await waitForGame(visitor, (s) => s.scene === "Round");
  expect(visitorErrors).toEqual([]);
  await phone.close();

  // The same link on a laptop and on a phone held sideways: the card and its buttons fit.
  for (const where of [
    { width: 1280, height: 720, touch: false },
    { width: 844, height: 390, touch: true },
  ]) {
    const size = `${where.width}x${where.height}`;
    const other = await browser.newContext({
      baseURL: site().url,
      viewport: { width: where.width, height: where.height },
      hasTouch: where.touch,
      isMobile: where.touch,
    });
    const reader = await other.newPage();
    const readerErrors = watchErrors(reader);
    await reader.goto(link);
    await waitForScene(reader, "SharedRun");
    await expectButtonsReachable(reader, `shared run at ${size}`);
    await reader.screenshot({ path: `artifacts/screens/shared-run-${size}.png` });
    expect(readerErrors).toEqual([]);
    await other.close();
  }

  // The sharer's idle round: the best stands, no New best; the board holds only the best.
  const again = await waitForScene(page, "GameOver", "ready", 20_000);
  expect(again.gameOver).toMatchObject({ outcome: { best: result.score, newBest: false } });
  expect((again.gameOver as { message: string }).message).not.toContain("New best");

  // Game over leads straight to the board.
  await clickButton(page, "Leaderboard");
  const lb = await leaderboardShown(page, "solo");
  expect(lb.rows).toEqual([expect.objectContaining({ rank: 1, score: result.score, isMe: true })]);
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
  await playScoringRound(page);
  // A tap on the screen, off the buttons, plays again; this one is quit from its pause menu.
  await page.mouse.click(8, 8);
  await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
  await clickButton(page, "Pause");
  await clickButton(page, "Quit to menu");
  await clickButton(page, "Quit");
  await waitForScene(page, "Menu");
  await clickButton(page, "Leaderboard");
  const lb = await leaderboardShown(page, "solo");
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
