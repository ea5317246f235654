import type { LivePlay } from "./live-play";

/** A live round's prediction as the test build's probe reports it (the e2e reads it). */
export interface LiveSight {
  largestCorrection: number;
  largestStep: number;
  snaps: number;
  largestFill: number;
  corrections: number;
  confirmedTick: number;
  serverScore: number;
  pausesLeft: number;
  /** Spawns revealed, and those that came at or after their tick on the field (late). */
  giftReveals: number;
  lateGiftReveals: number;
  powerUpReveals: number;
  latePowerUpReveals: number;
  /** Late ones whose draw the server played without this player's input (prediction.ts). */
  lateWithoutInput: number;
  lateGiftsWithoutInput: number;
  /** Ticks before their spawn's tick the reveals came: the least and the most. */
  revealMargin: { least: number; most: number } | null;
  /** The one-way delay the clock was set with (ms). */
  oneWayMs: number;
}

export function liveSight(live: LivePlay): LiveSight {
  const p = live.prediction;
  return {
    ...revealSight(p),
    snaps: p.snaps,
    largestFill: p.largestFill,
    corrections: p.corrections,
    confirmedTick: p.confirmed.tick,
    serverScore: p.confirmed.score,
    pausesLeft: live.pausesLeft,
    oneWayMs: live.oneWayMs,
  };
}

/** What a solo round's and a race's probes both report: corrections and reveals on time. */
export function revealSight(p: LivePlay["prediction"]) {
  return {
    largestCorrection: p.largestCorrection,
    largestStep: p.largestStep,
    giftReveals: p.giftReveals,
    lateGiftReveals: p.lateGiftReveals,
    powerUpReveals: p.powerUpReveals,
    latePowerUpReveals: p.latePowerUpReveals,
    lateWithoutInput: p.lateWithoutInput,
    lateGiftsWithoutInput: p.lateGiftsWithoutInput,
    revealMargin: p.revealMargin,
  };
}
