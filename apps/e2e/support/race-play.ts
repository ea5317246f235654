import { expect, type Page } from "@playwright/test";
import { gameState, waitForGame, waitFrames } from "./game";
import { clickButton } from "./ui";

/** What the race scene lets the e2e see (apps/game/src/scenes/race.ts, sight()). */
export interface RaceSight {
  phase: string;
  seat: number;
  seats: number;
  players: { name: string; bot: boolean }[];
  standings: string;
  desyncs: number;
  /** Messages from the match that didn't decode. */
  malformed: number;
  firstDesync: { tick: number; seat: number; dx: number; dy: number; dScore: number } | null;
  largestCorrection: number;
  largestStep: number;
  confirmedTick: number;
  santa: { x: number; y: number; page: { x: number; y: number } };
  gift: { x: number; y: number; page: { x: number; y: number } };
  /** The field's box on the page. */
  field: PageBox;
  /** The live standings' box on the page. */
  standingsBox: PageBox;
  /** Every seat's name tag on the page, by seat. */
  tags: PageBox[];
}

export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function raceSight(page: Page): Promise<RaceSight | null> {
  const s = await gameState(page);
  return s.scene === "Race" ? ((s.race as RaceSight | undefined) ?? null) : null;
}

/**
 * Plays until the race is over, steering every 50 ms; returns the race's last sight (its end,
 * when the page looked that late: a page starved of CPU may first look after the last tick).
 */
export async function playRace(
  page: Page,
  steer: (s: RaceSight) => Promise<void>,
): Promise<RaceSight> {
  const started = await waitForGame(
    page,
    (s) => s.scene === "Race" && s.status === "playing",
    30_000,
  );
  let last = started.scene === "Race" ? ((started.race as RaceSight | undefined) ?? null) : null;
  await waitFrames(page);
  for (;;) {
    // A look every 50 ms, about a person's quickest reaction: each look reads the whole probe,
    // and two pages looking every frame loaded the machine the suite shares.
    await page.waitForTimeout(50);
    const s = await raceSight(page);
    if (!s) break;
    last = s;
    if (s.phase === "over") break;
    if (s.phase === "playing") await steer(s);
  }
  if (!last) throw new Error("the race left the screen before the page saw it");
  return last;
}

/** The results screen as the probe reads it. */
export interface RaceResultsSight {
  headline: string;
  table: string;
  note: string;
  place: number;
  end: { reason: string; score: number; best: number; rank: number } | null;
  /** Every seat's score, by seat. */
  scores: number[];
}

export async function raceResults(page: Page): Promise<RaceResultsSight> {
  const s = await waitForGame(page, (s) => s.scene === "RaceResults", 20_000);
  return s.raceResults as RaceResultsSight;
}

/** What Watch of a race lets the e2e see (apps/game/src/scenes/race-watch.ts, sight()). */
export interface RaceWatchSight {
  phase: string;
  seat: number;
  tick: number;
  ticks: number;
  speed: number;
  turned: boolean;
  players: { name: string; bot: boolean }[];
  /** By seat. */
  scores: number[];
  standings: string;
  hud: { score: string; time: string; power: string; banner: string };
  /** The field's box on the page. */
  field: PageBox;
  /** The live standings' box on the page. */
  standingsBox: PageBox;
  /** Every seat's name tag on the page, by seat. */
  tags: PageBox[];
}

/**
 * From the results: Watch, at 4× with a pause on the way, to its end; the last sight. Every
 * status a playback passes is waited on, never a time.
 */
export async function watchRace(page: Page): Promise<RaceWatchSight> {
  await clickButton(page, "Watch");
  await waitForGame(page, (s) => s.scene === "RaceWatch" && s.status === "playing", 20_000);
  await clickButton(page, "Pause");
  const paused = await waitForGame(page, (s) => s.scene === "RaceWatch" && s.status === "paused");
  const at = (paused.raceWatch as RaceWatchSight).tick;
  await waitFrames(page, 5);
  expect(((await gameState(page)).raceWatch as RaceWatchSight).tick).toBe(at);
  await clickButton(page, "Play");
  await clickButton(page, "4×");
  await waitForGame(page, (s) => (s.raceWatch as RaceWatchSight | undefined)?.speed === 4);
  const end = await waitForGame(
    page,
    (s) => s.scene === "RaceWatch" && s.status === "watched",
    30_000,
  );
  return end.raceWatch as RaceWatchSight;
}
