/**
 * The shapes `window.__giftGrab` reports (see test-api.ts), with no runtime code: the e2e
 * package imports them as `@gift-grab/game/test-api-types`.
 */
export type { SessionInfo } from "./net/types";

export interface TestApiButton {
  label: string;
  /** CSS pixels of the page: click `x + width / 2, y + height / 2`. */
  x: number;
  y: number;
  width: number;
  height: number;
  focused: boolean;
}

export interface TestApiState {
  scene: string;
  status: string;
  [key: string]: unknown;
}
