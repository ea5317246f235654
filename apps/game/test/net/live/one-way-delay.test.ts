import { describe, expect, it } from "vitest";
import { OneWayDelay } from "../../../src/net/live/one-way-delay";

describe("the one-way delay to the server", () => {
  it("is half the shortest round trip measured; longer ones never raise it", () => {
    const d = new OneWayDelay();
    expect(d.ms).toBe(0);
    expect(d.add(514)).toBe(true);
    expect(d.ms).toBe(257);
    expect(d.add(640)).toBe(false);
    expect(d.add(301)).toBe(true);
    expect(d.add(305)).toBe(false);
    expect(d.ms).toBe(150.5);
  });

  it("ignores what is no round trip, and starts over on a new socket", () => {
    const d = new OneWayDelay();
    expect(d.add(Number.NaN)).toBe(false);
    expect(d.add(-5)).toBe(false);
    expect(d.ms).toBe(0);
    d.add(100);
    d.reset();
    expect(d.ms).toBe(0);
    d.add(400);
    expect(d.ms).toBe(200);
  });
});
