import type { BrowserContext } from "@playwright/test";

/**
 * The context's pages draw at the display's full rate instead of the test build's 30 frames a
 * second (apps/game/test-entry/frame-rate.ts): for specs that measure per-frame behaviour.
 */
export async function fullFrameRate(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as { __giftGrabFullFrameRate?: boolean }).__giftGrabFullFrameRate = true;
  });
}
