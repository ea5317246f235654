/**
 * The shapes `window.__giftGrabProbe` reports (see test-entry/probe.ts), with no runtime code: the
 * e2e package imports them as `@gift-grab/game/test-api-types`. Scene and status are the
 * game's own unions, so a spec waiting on a status the game no longer has fails to compile.
 */
export type { InspectKey, SceneKey, ScreenStatus } from "../src/core/game-events";
export type { SessionInfo } from "../src/net/types";

import type { InspectKey, SceneKey, ScreenStatus } from "../src/core/game-events";
import type { describeRound } from "./round-probe";

export interface TestApiButton {
  label: string;
  /** CSS pixels of the page: click `x + width / 2, y + height / 2`. */
  x: number;
  y: number;
  width: number;
  height: number;
  focused: boolean;
}

/** A shown text, canvas or HTML: its box and font size in CSS pixels of the page. */
export interface TestApiText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

/** The probe's state: the scene, its status, and what the running scenes let be inspected. */
export type TestApiState = {
  scene: SceneKey | "none";
  status: ScreenStatus;
  [key: string]: unknown;
} & Partial<Record<Exclude<InspectKey, "round">, unknown>> & {
    /** The round scene's report, in the one shape the probe writes (round-probe.ts). */
    round?: TestApiRound;
  };

/** The probe's "round" report (test-entry/round-probe.ts): what the round scene shows. */
export type TestApiRound = ReturnType<typeof describeRound>;
