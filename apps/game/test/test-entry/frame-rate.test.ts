import { describe, expect, it } from "vitest";
import { capFrameRate, wantsDisplayRate } from "../../test-entry/frame-rate";

/** A 60 Hz display: `frame()` runs every callback asked for before it, with one timestamp. */
function display60() {
  let queue = new Map<number, FrameRequestCallback>();
  let id = 0;
  let now = 0;
  const target = {
    requestAnimationFrame(cb: FrameRequestCallback) {
      queue.set(++id, cb);
      return id;
    },
    cancelAnimationFrame(n: number) {
      queue.delete(n);
    },
  };
  const frame = () => {
    now += 1000 / 60;
    const due = queue;
    queue = new Map();
    for (const cb of due.values()) cb(now);
  };
  return { target, frame };
}

describe("capFrameRate", () => {
  it("runs a game loop's callback on every other frame of a 60 Hz display", () => {
    const { target, frame } = display60();
    capFrameRate(target, 30);
    const times: number[] = [];
    const loop = (t: number) => {
      times.push(t);
      target.requestAnimationFrame(loop);
    };
    target.requestAnimationFrame(loop);
    for (let i = 0; i < 60; i++) frame();
    expect(times).toHaveLength(30);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    for (const gap of gaps) expect(gap).toBeCloseTo(1000 / 30, 6);
  });

  it("runs every callback due in a frame in that frame, with its timestamp", () => {
    const { target, frame } = display60();
    capFrameRate(target, 30);
    const seen: [string, number][] = [];
    target.requestAnimationFrame((t) => seen.push(["a", t]));
    target.requestAnimationFrame((t) => seen.push(["b", t]));
    frame();
    expect(seen.map(([name]) => name)).toEqual(["a", "b"]);
    expect(new Set(seen.map(([, t]) => t)).size).toBe(1);
  });

  it("cancels a callback still waiting for its frame", () => {
    const { target, frame } = display60();
    capFrameRate(target, 30);
    const seen: number[] = [];
    target.requestAnimationFrame(() => seen.push(1));
    frame();
    const id = target.requestAnimationFrame(() => seen.push(2));
    frame(); // too soon after the last: waits for the next frame
    target.cancelAnimationFrame(id);
    frame();
    frame();
    expect(seen).toEqual([1]);
  });
});

describe("wantsDisplayRate", () => {
  it("is only ?frames=display", () => {
    expect(wantsDisplayRate("?frames=display&bench=50")).toBe(true);
    expect(wantsDisplayRate("?frames=60")).toBe(false);
    expect(wantsDisplayRate("")).toBe(false);
  });
});
