import { describe, expect, it } from "vitest";
import {
  canvasSize,
  MAX_PIXEL_RATIO,
  pixelRatio,
  readPixelRatio,
} from "../../src/config/pixel-ratio";

describe("the canvas pixel ratio", () => {
  it("follows the device up to the cap with WebGL, never below 1", () => {
    expect(readPixelRatio(1, "", "webgl")).toBe(1);
    expect(readPixelRatio(1.5, "", "webgl")).toBe(1.5);
    expect(readPixelRatio(3, "", "webgl")).toBe(MAX_PIXEL_RATIO);
    expect(readPixelRatio(0.5, "", "webgl")).toBe(1);
    expect(readPixelRatio(Number.NaN, "", "webgl")).toBe(1);
  });

  it("stays at 1× with Canvas (the renderer of CPU-only machines)", () => {
    expect(readPixelRatio(3, "", "canvas")).toBe(1);
  });

  it("takes ?dpr= for benchmarks and tests, within the same bounds, on either renderer", () => {
    expect(readPixelRatio(3, "?dpr=1", "webgl")).toBe(1);
    expect(readPixelRatio(1, "?dpr=9", "webgl")).toBe(MAX_PIXEL_RATIO);
    expect(readPixelRatio(3, "?dpr=2", "canvas")).toBe(2);
    expect(readPixelRatio(2, "?dpr=abc", "webgl")).toBe(2);
  });

  it("sizes the canvas in its own pixels and remembers the ratio for the scenes", () => {
    expect(canvasSize(390, 844, 2)).toEqual({ width: 780, height: 1688 });
    expect(pixelRatio()).toBe(2);
    expect(canvasSize(1280, 720, 1)).toEqual({ width: 1280, height: 720 });
    expect(pixelRatio()).toBe(1);
  });
});
