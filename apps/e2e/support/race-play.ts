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
}

export async function raceSight(page: Page): Promise<RaceSight | null> {
  const s = await gameState(page);
  return s.scene === "Race" ? ((s.race as RaceSight | undefined) ?? null) : null;
}

/** Plays until the race is over, steering every 50 ms; returns the last sight in play. */
export async function playRace(
  page: Page,
  steer: (s: RaceSight) => Promise<void>,
): Promise<RaceSight> {
  await waitForGame(page, (s) => s.scene === "Race" && s.status === "playing", 30_000);
  await waitFrames(page);
  let last: RaceSight | null = null;
  for (;;) {
    // A look every 50 ms, about a person's quickest reaction: each look reads the whole probe,
    // and two pages looking every frame loaded the machine the suite shares.
    await page.waitForTimeout(50);
    const s = await raceSight(page);
    if (!s || s.phase === "over") break;
    last = s;
    if (s.phase === "playing") await steer(s);
  }
  if (!last) throw new Error("the race never played");
  return last;
}

/** Steers with the arrow keys at the gift (held while it lies that way). */
export function keyboardSteer(page: Page) {
  const held = new Set<string>();
  const hold = async (key: string, on: boolean) => {
    if (on === held.has(key)) return;
    if (on) await page.keyboard.down(key);
    else await page.keyboard.up(key);
    if (on) held.add(key);
    else held.delete(key);
  };
  return {
    steer: async (s: RaceSight) => {
      if (s.gift.x < 0) return; // the next gift isn't placed yet
      const dx = s.gift.x - s.santa.x;
      const dy = s.gift.y - s.santa.y;
      await hold("ArrowRight", dx > 12);
      await hold("ArrowLeft", dx < -12);
      await hold("ArrowDown", dy > 12);
      await hold("ArrowUp", dy < -12);
    },
    release: async () => {
      for (const key of [...held]) await page.keyboard.up(key);
      held.clear();
    },
  };
}

/** Steers with a finger that lands on Santa and moves toward the gift (drag-follow). */
export async function touchSteer(page: Page, viewport: { width: number; height: number }) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x = 0, y = 0) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }],
    });
  let finger: { x: number; y: number } | null = null;
  return {
    steer: async (s: RaceSight) => {
      if (!finger) {
        finger = { ...s.santa.page };
        await touch("touchStart", finger.x, finger.y);
        return;
      }
      if (s.gift.x < 0) return;
      finger = {
        x: Math.min(
          viewport.width - 5,
          Math.max(5, finger.x + (s.gift.page.x - s.santa.page.x) * 0.5),
        ),
        y: Math.min(
          viewport.height - 5,
          Math.max(5, finger.y + (s.gift.page.y - s.santa.page.y) * 0.5),
        ),
      };
      await touch("touchMove", finger.x, finger.y);
    },
    release: async () => {
      if (finger) await touch("touchEnd");
      finger = null;
    },
  };
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
