/**
 * The test build draws at most 30 frames a second. The e2e's browsers have no GPU: every frame
 * is filled and composited on the CPU, and the suite's pages drew most of its CPU time at 60
 * (a page at rest: 50 % of a core at 60 fps, 28 % at 30), starving the Nakama under test on the
 * 2-core machines. The game's rules run on fixed ticks, so a frame rate changes only how often
 * they are drawn. A page that measures per-frame behaviour (a correction's largest drawn step,
 * the countdown watched every frame, the fps bench) asks for the display's full rate before it
 * loads: `window.__giftGrabFullFrameRate = true` (apps/e2e/support/frame-rate.ts).
 */
export const TEST_FPS_LIMIT = 30;

export function testFrameRate(): number {
  const full = (window as { __giftGrabFullFrameRate?: boolean }).__giftGrabFullFrameRate;
  return full === true ? 0 : TEST_FPS_LIMIT;
}
