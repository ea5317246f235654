import type { RendererKind } from "./renderer";

/**
 * The canvas draws at the device's pixel ratio, so text and shapes are sharp on phones, but at
 * most MAX_PIXEL_RATIO (a 3× phone drawing 9× the pixels of 1× costs frames for detail no one
 * sees), and at 1× with the Canvas renderer: the game picks Canvas where WebGL would run on the
 * CPU (config/renderer.ts), and a CPU filling 4× the pixels drops to 15–20 fps
 * (docs/performance.md). `?dpr=` (1 up to the cap) overrides the choice, for benchmarks and tests.
 */
export const MAX_PIXEL_RATIO = 2;

export function readPixelRatio(
  devicePixelRatio: number,
  search: string,
  renderer: RendererKind,
): number {
  const asked = Number(new URLSearchParams(search).get("dpr"));
  if (Number.isFinite(asked) && asked > 0) return clamp(asked);
  return renderer === "webgl" ? clamp(devicePixelRatio) : 1;
}

function clamp(ratio: number): number {
  return Math.min(MAX_PIXEL_RATIO, Math.max(1, Number.isFinite(ratio) ? ratio : 1));
}

let current = 1;

/** Canvas pixels per CSS pixel: every scene's sizes (views/theme.ts uiScale) include it. */
export function pixelRatio(): number {
  return current;
}

/** The canvas size, in its own pixels, for a parent of `width`×`height` CSS pixels. */
export function canvasSize(width: number, height: number, ratio: number) {
  current = ratio;
  return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
}
