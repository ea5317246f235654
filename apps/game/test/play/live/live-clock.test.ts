import { describe, expect, it } from "vitest";
import { LiveClock } from "../../../src/play/live/live-clock";

describe("the live round's clock", () => {
  it("maps START's ms-to-start to this page's time, less the one-way delay", () => {
    const clock = new LiveClock(600);
    // Sent 3 s before tick 0, arrived 75 ms later at local time 10 000.
    clock.start(3000, 10_000, 75);
    expect(clock.msToStart(10_000)).toBe(2925);
    expect(clock.dueTick(10_000)).toBe(0);
    expect(clock.dueTick(10_000 + 2925)).toBe(0);
    expect(clock.dueTick(10_000 + 2925 + 1000)).toBe(60);
    // Never past the round's last tick.
    expect(clock.dueTick(10_000 + 60_000)).toBe(600);
  });

  it("a rejoin's START (negative: running) puts the clock where the server's is", () => {
    const clock = new LiveClock(600);
    clock.start(-4000, 50_000, 50);
    expect(clock.dueTick(50_000)).toBe(243); // (4000 + 50) ms of ticks
  });

  it("stands still while paused and runs on from the resume's tick when the server says", () => {
    const clock = new LiveClock(600);
    clock.start(0, 0, 0);
    expect(clock.dueTick(1000)).toBe(60);
    clock.pause(60);
    expect(clock.paused).toBe(true);
    expect(clock.dueTick(9000)).toBe(60);
    expect(clock.alpha(9000)).toBe(0);
    clock.resume(60, 1000, 9000, 20);
    expect(clock.dueTick(9500)).toBe(60);
    expect(clock.dueTick(9980 + 500)).toBe(90);
  });

  it("plays ticks at the server's rate: a second of local time is 60 ticks, whatever the frames", () => {
    const clock = new LiveClock(6000);
    clock.start(0, 0, 0);
    let played = 0;
    for (let now = 0; now <= 10_000; now += 7.3) played = Math.max(played, clock.dueTick(now));
    expect(played).toBe(599);
  });

  it("runs ahead of the server by the lead it is given (inputs arrive as their tick is due)", () => {
    const clock = new LiveClock(600, 60);
    clock.start(0, 1000, 75);
    // Tick 0 was due on the server at local 925; this clock reaches it 60 ms sooner.
    expect(clock.dueTick(865)).toBe(0);
    expect(clock.dueTick(865 + 1000)).toBe(60);
  });

  it("drops its lead at once when told: the clock waits for the server's", () => {
    const clock = new LiveClock(600, 50);
    clock.start(0, 1000, 0);
    expect(clock.dueTick(1000)).toBe(3);
    clock.dropLead();
    expect(clock.lead).toBe(0);
    expect(clock.dueTick(1000)).toBe(0);
    expect(clock.dueTick(2000)).toBe(60);
  });

  it("falls back slowly when told it runs early: never more than a fifth of the time that passes", () => {
    const clock = new LiveClock(600, 100);
    clock.start(0, 1000, 100); // tick 0 at local 800
    expect(clock.dueTick(1800)).toBe(60);
    clock.fallBack(100, 1800);
    clock.slew(1800);
    expect(clock.dueTick(1800)).toBe(60);
    let last = 60;
    for (let now = 1800; now <= 2800; now += 17) {
      clock.slew(now);
      const due = clock.dueTick(now);
      expect(due).toBeGreaterThanOrEqual(last);
      last = due;
    }
    // 500 ms in, the 100 ms are taken: the clock is where tick 0 at local 900 puts it.
    clock.slew(3000);
    expect(clock.dueTick(3000)).toBe(Math.floor(((3000 - 900) * 60) / 1000));
  });
});
