import type { RoundState, Vec } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import type { Positions } from "../../play/interpolate";
import type { LivePlay } from "../../play/live/live-play";
import { type LiveSight, liveSight } from "../../play/live/live-sight";
import type { ShownRound } from "../../play/shown-round";
import type { Stick } from "../../play/touch-steer";
import type { WatchData } from "../../play/watch";
import type { FieldView } from "./field-view";
import type { RoundHud } from "./round-hud";
import type { RoundScreen } from "./round-screen";

/** What the round scene shows, raw: the test build's probe turns it into its "round" report. */
export interface RoundSight {
  phase: string;
  seed: number;
  speed: number;
  round: RoundState;
  /** Positions after the last tick, world units. */
  at: Positions;
  field: FieldView;
  hud: RoundHud["texts"];
  muted: boolean;
  /** The mute button, screen units (top-left based). */
  mute: { x: number; y: number; width: number; height: number };
  stick: Stick | null;
  /** Where a followed finger has Santa heading (world units). */
  aim: Vec | null;
  /** Extra moving sprites (the test build's bench round adds them). */
  bench?: number;
  /** A live round's prediction, for the e2e (null: practice or Watch). */
  live: LiveSight | null;
  watching: WatchData | null;
  watchSpeed: number;
  /** Screen → page (CSS pixels), and page pixels per screen unit. */
  toPage: (p: Vec) => Vec;
  pageScale: number;
}

/** What the sight reads: the round's phase, how it was started, what is shown. */
export interface SightParts {
  phase: string;
  seed: number;
  speed: number;
  shown: ShownRound;
  screen: RoundScreen;
  live: LivePlay | null;
}

/** What the round shows now, for the test build's probe (test-entry/round-probe.ts). */
export function roundSight(scene: Phaser.Scene, parts: SightParts): RoundSight {
  const { field, hud, mute, steer, watch } = parts.screen;
  const rect = scene.game.canvas.getBoundingClientRect();
  const k = rect.width / scene.scale.width;
  return {
    phase: parts.phase,
    seed: parts.seed,
    speed: parts.speed,
    round: parts.shown.round,
    at: parts.shown.cur,
    field,
    hud: hud.texts,
    muted: mute.muted,
    mute: mute.button.bounds(),
    stick: steer.stick(),
    aim: steer.aim(),
    live: parts.live ? liveSight(parts.live) : null,
    watching: watch?.data ?? null,
    watchSpeed: watch?.speed ?? 1,
    toPage: (p: Vec) => ({ x: rect.left + p.x * k, y: rect.top + p.y * k }),
    pageScale: k,
  };
}
