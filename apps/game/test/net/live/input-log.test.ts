import { decodeInput, encodeInput } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { INPUT_REDUNDANCY, InputLog } from "../../../src/net/live/input-log";

describe("the redundant input log", () => {
  it("sends the last INPUT_REDUNDANCY ticks every time: a lost message is covered by the next", () => {
    const log = new InputLog(600);
    for (let t = 1; t <= 40; t++) log.record(t, t % 100, -(t % 100));
    const m = log.message(0);
    expect(m?.lastTick).toBe(40);
    expect(m?.inputs).toHaveLength(INPUT_REDUNDANCY);
    expect(m?.inputs[0]).toEqual([40 - INPUT_REDUNDANCY + 1, -(40 - INPUT_REDUNDANCY + 1)]);
    // Two messages apart by fewer ticks than the redundancy overlap: either alone suffices.
    const earlier = log.message(0, 30);
    expect(earlier?.lastTick).toBe(30);
    const from = (msg: typeof m) => (msg ? msg.lastTick - msg.inputs.length + 1 : 0);
    expect(from(m)).toBeLessThanOrEqual((earlier?.lastTick ?? 0) + 1);
    // It is a message the server's decoder takes.
    if (!m) throw new Error("no message");
    expect(decodeInput(new Uint8Array(encodeInput(m)))).toEqual(m);
  });

  it("tells whether the input changed after the newest tick sent (the send cadence)", () => {
    const log = new InputLog(100);
    expect(log.changedSince(0)).toBe(true); // nothing sent yet
    for (let t = 1; t <= 10; t++) log.record(t, 50, 50);
    expect(log.changedSince(4)).toBe(false);
    log.record(11, 50, 49);
    expect(log.changedSince(4)).toBe(true);
    expect(log.changedSince(11)).toBe(false);
  });

  it("sends nothing before the first tick and nothing past the tick it may send", () => {
    const log = new InputLog(100);
    expect(log.message(0)).toBeNull();
    log.record(1, 5, 5);
    log.record(2, 6, 6);
    expect(log.message(0, 1)).toEqual({ seat: 0, lastTick: 1, inputs: [[5, 5]] });
    expect(log.at(3)).toBeNull();
    log.record(101, 1, 1);
    expect(log.lastTick).toBe(2);
  });
});
