import { describe, expect, it } from "vitest";
import { defaultLaunchOptions } from "../../src/core/launch-options";
import { BENCH_SCENE, launchFromUrl, readUrlOptions } from "../../test-entry/url-options";

describe("URL switches", () => {
  it("reads ?seed, ?speed, ?bench and ?countdown, ignoring junk", () => {
    expect(readUrlOptions("?seed=42&speed=4&bench=50&countdown=0")).toEqual({
      seed: 42,
      speed: 4,
      bench: 50,
      countdownMs: 0,
    });
    const defaults = { seed: null, speed: 1, bench: null, countdownMs: 3000 };
    expect(readUrlOptions("")).toEqual(defaults);
    expect(readUrlOptions("?seed=-1&speed=abc&countdown=x")).toEqual(defaults);
    expect(readUrlOptions("?speed=1000").speed).toBe(20);
    expect(readUrlOptions("?countdown=99999").countdownMs).toBe(10_000);
  });

  it("launch the test build: rounds tuned, the bench round after Boot, net timings", () => {
    expect(launchFromUrl("")).toEqual(defaultLaunchOptions);
    expect(launchFromUrl("?seed=3&speed=2&countdown=0&bench=50&timings=heartbeatMs:900")).toEqual({
      round: { seed: 3, speed: 2, countdownMs: 0 },
      afterBoot: { scene: BENCH_SCENE, data: { count: 50 } },
      timings: "heartbeatMs:900",
    });
  });
});
