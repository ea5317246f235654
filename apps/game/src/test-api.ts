/**
 * A small window API for tests, so they wait on state instead of sleeping. Present only in
 * dev and test builds (`vite build --mode test`); production builds drop it.
 */
export interface TestApiState {
  scene: string;
  status: string;
  [key: string]: unknown;
}

export const testApiEnabled = import.meta.env.DEV || import.meta.env.MODE === "test";

const state: TestApiState = { scene: "none", status: "starting" };

export function reportToTests(update: Partial<TestApiState>): void {
  if (!testApiEnabled) return;
  Object.assign(state, update);
}

export function installTestApi(): void {
  if (!testApiEnabled) return;
  (window as unknown as { __giftGrab: { state: TestApiState } }).__giftGrab = { state };
}
