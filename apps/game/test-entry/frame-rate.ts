/**
 * The test build draws at most 30 frames a second, as a phone in low-power mode does, unless
 * the URL asks for the display's rate (`?frames=display`, what the fps bench measures).
 *
 * Why: with no GPU every frame is drawn on the CPU, and the e2e suite's open pages are most of
 * its CPU time (docs/performance.md, "The e2e suite on a CPU"). Halving the frames halves that
 * work without touching the game: it is the browser's clock that ticks slower, so Phaser and
 * every scene see what a 30 Hz display gives them (frame deltas of ~33 ms). Phaser's own frame
 * limiter was tried instead and is not the same thing: it skips steps inside the game's loop.
 */
export const TEST_FRAME_RATE = 30;

/** `?frames=display` keeps the display's rate; anything else gets the test build's cap. */
export function wantsDisplayRate(search: string): boolean {
  return new URLSearchParams(search).get("frames") === "display";
}

type Raf = (callback: FrameRequestCallback) => number;

/**
 * Wraps requestAnimationFrame so callbacks run on frames at least `1000 / fps` ms apart (less
 * 2 ms for the display's jitter). Every callback due in one frame runs in that frame, with the
 * frame's own timestamp, as the browser would run them.
 */
export function capFrameRate(
  target: Pick<Window, "requestAnimationFrame" | "cancelAnimationFrame">,
  fps: number,
) {
  const native: Raf = target.requestAnimationFrame.bind(target);
  const cancelNative = target.cancelAnimationFrame.bind(target);
  const minInterval = 1000 / fps - 2;
  const pending = new Map<number, number>();
  let lastFrame = Number.NEGATIVE_INFINITY;
  let nextId = 1;

  target.requestAnimationFrame = (callback) => {
    const id = nextId++;
    const onFrame = (time: number) => {
      if (time !== lastFrame && time - lastFrame < minInterval) {
        pending.set(id, native(onFrame));
        return;
      }
      lastFrame = time;
      pending.delete(id);
      callback(time);
    };
    pending.set(id, native(onFrame));
    return id;
  };
  target.cancelAnimationFrame = (id) => {
    const nativeId = pending.get(id);
    if (nativeId !== undefined) cancelNative(nativeId);
    pending.delete(id);
  };
}
