import type { TestApiRound } from "@gift-grab/game/test-api-types";
import type { Page } from "@playwright/test";
import { gameState, type TestApiState, waitForGame, waitFrames } from "./game";
import { humanEye } from "./steer";
import { clickButton, playAsGuest } from "./ui";

/**
 * The round scene's report in a probe state (its shape: TestApiRound): a test that expects a
 * round fails here, saying where the game was, when there is none.
 */
export function roundIn(s: TestApiState): TestApiRound {
  if (!s.round) throw new Error(`no round on the probe (${s.scene}, ${s.status})`);
  return s.round;
}

/** The round scene's report, when the round scene is up. */
export async function roundView(page: Page): Promise<TestApiRound | null> {
  const s = await gameState(page);
  return s.scene === "Round" ? (s.round ?? null) : null;
}

/**
 * Plays like a person with a mouse: holds the button down and keeps dragging to the current
 * gift, a person's reaction after it shows (humanEye), until the round ends. Returns the HUD
 * readings seen on the way, and the round as it ended (null if the Round scene was gone before
 * its end was seen).
 */
export async function chaseGiftsWithPointer(page: Page, maxMs = 60_000) {
  const seen: { score: number; hud: string }[] = [];
  let end: TestApiRound | null = null;
  let down = false;
  const reacted = humanEye();
  const deadline = Date.now() + maxMs;
  await waitFrames(page);
  while (Date.now() < deadline) {
    // One look per rendered frame, as a player's eye: asking faster only burns the CPU the
    // game needs to draw (a loop of page round trips with no pause).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    const r = await roundView(page);
    if (r?.phase === "over") end = r;
    if (!r || r.phase === "over") break;
    if (r.phase !== "playing") continue;
    seen.push({ score: r.score, hud: r.hud.score });
    if (reacted(r.gift)) await page.mouse.move(r.gift.page.x, r.gift.page.y);
    if (!down) {
      await page.mouse.down();
      down = true;
    }
  }
  if (down) {
    // The round may be over and the next screen up: let go where no button is.
    await page.mouse.move(0, 0);
    await page.mouse.up();
  }
  return { seen, end };
}

/**
 * From a round's start (Play just pressed): plays it chasing gifts with the pointer and waits
 * on game over until the server has answered; returns that state and the round as it ended.
 * A round that caught nothing (a short round dealt freezes and no gift) stays off the board,
 * so it is played again until one scores.
 */
export async function playScoringRound(page: Page) {
  for (let attempt = 1; ; attempt++) {
    await waitForGame(page, (s) => s.scene === "Round" && s.status === "playing");
    const { end } = await chaseGiftsWithPointer(page);
    const over = await waitForGame(
      page,
      (s) => s.scene === "GameOver" && s.status === "ready",
      20_000,
    );
    if ((over.gameOver as { score: number }).score > 0 || attempt === 3) return { over, end };
    await clickButton(page, "Play again");
  }
}

/** A new guest (page URL `query`) plays a round that scores (playScoringRound). */
export async function playRoundAsNewGuest(page: Page, query = "") {
  await playAsGuest(page, query);
  await clickButton(page, "Play");
  return playScoringRound(page);
}
