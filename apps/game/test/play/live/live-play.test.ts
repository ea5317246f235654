import { LiveOp, type StartMessage } from "@gift-grab/contracts";
import { createRound, publicState } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { Emitter } from "../../../src/net/emitter";
import type { LiveMatch, LiveMatchEvents } from "../../../src/net/live/live-match";
import { LivePlay } from "../../../src/play/live/live-play";

const start: StartMessage = {
  seat: 0,
  seats: 1,
  ticks: 600,
  orientation: "landscape",
  leadTicks: 15,
  lateTicks: 12,
  rulesVersion: 2,
  startInMs: 0,
  pausesLeft: 2,
  state: publicState(createRound({ seed: 1, durationMs: 10_000 }), 15),
};

function fakeMatch() {
  const sent: { op: number; lastTick: number; n: number }[] = [];
  const match = {
    events: new Emitter<LiveMatchEvents>(),
    sendInput: (m: { lastTick: number; inputs: unknown[] }) =>
      sent.push({ op: LiveOp.INPUT, lastTick: m.lastTick, n: m.inputs.length }),
    sendPause: (pause: boolean) => sent.push({ op: LiveOp.PAUSE, lastTick: pause ? 1 : 0, n: 0 }),
    leave: () => {},
    takeBacklog: () => [],
  };
  return { match: match as unknown as LiveMatch, sent };
}

describe("a live round's play loop", () => {
  it("plays every tick due on the server's clock and sends the newest, redundantly", () => {
    let now = 0;
    const { match, sent } = fakeMatch();
    const play = new LivePlay(match, start, { receivedAt: 0, oneWayMs: 0 }, () => now);
    now = 100; // 6 ticks
    const { ticks } = play.update(() => ({ dx: 100, dy: 0 }));
    expect(ticks).toBe(6);
    expect(play.prediction.predicted.tick).toBe(6);
    expect(sent).toEqual([{ op: LiveOp.INPUT, lastTick: 6, n: 6 }]);
    now = 110; // within a match loop: no second message yet
    play.update(() => ({ dx: 100, dy: 0 }));
    expect(sent).toHaveLength(1);
  });

  it("sends one INPUT a match loop while the input changes, a keep-alive while it holds", () => {
    let now = 0;
    const { match, sent } = fakeMatch();
    const play = new LivePlay(match, start, { receivedAt: 0, oneWayMs: 0 }, () => now);
    const at = (ms: number, dx: number) => {
      now = ms;
      play.update(() => ({ dx, dy: 0 }));
      return sent.length;
    };
    expect(at(50, 100)).toBe(1); // the first ticks
    // Held: nothing until the keep-alive, 100 ms after the last message.
    expect(at(100, 100)).toBe(1);
    expect(at(140, 100)).toBe(1);
    expect(at(150, 100)).toBe(2);
    // Turned: at once if a loop (50 ms) has passed since the last message…
    expect(at(170, -100)).toBe(2);
    expect(at(200, -100)).toBe(3);
    // …and again a loop later only if it changed again since.
    expect(at(250, -100)).toBe(3);
    expect(at(270, 0)).toBe(4);
    expect(sent.at(-1)).toEqual({ op: LiveOp.INPUT, lastTick: 16, n: 16 });
    // Every message repeats the ticks before it: 18 at most (LiveTiming.inputTicks).
    expect(at(400, 0)).toBe(5);
    expect(sent.at(-1)).toEqual({ op: LiveOp.INPUT, lastTick: 24, n: 18 });
  });

  it("sends at once on a tick the predicted round grabs on, or a told power-up is drawn on", () => {
    let now = 0;
    const { match, sent } = fakeMatch();
    const state = structuredClone(start.state);
    const santa = state.santas[0];
    if (!santa) throw new Error("no Santa");
    // 90 units right of Santa: heading right at 7 units a tick, he reaches it (66) on tick 4.
    state.gift = { x: santa.x + 90_000, y: santa.y, at: 0 };
    const play = new LivePlay(
      match,
      { ...start, state },
      { receivedAt: 0, oneWayMs: 0 },
      () => now,
    );
    const at = (ms: number) => {
      now = ms;
      play.update(() => ({ dx: 100, dy: 0 }));
      return sent.length;
    };
    expect(at(50)).toBe(1); // ticks 1–3
    expect(at(70)).toBe(2); // tick 4 grabs: not held for the keep-alive
    expect(play.prediction.predicted.score).toBe(1);
    // A power-up appears at tick 32: its place is drawn 24 ticks before, on tick 8.
    match.events.emit("frame", {
      tick: 3,
      seats: [{ ackTick: 3, filled: 0, score: 0, x: santa.x + 21_000, y: santa.y }],
      reveals: [{ type: "power_up_time", index: 0, appearAtTick: 32 }],
    });
    expect(at(100)).toBe(2); // tick 6: held
    expect(at(140)).toBe(3); // tick 8: the draw's tick goes at once
    expect(sent.at(-1)?.lastTick).toBe(8);
    expect(at(160)).toBe(3);
  });

  it("a stalled page predicts the ticks past their window as the server plays them: the last input again", () => {
    let now = 0;
    const { match } = fakeMatch();
    const play = new LivePlay(match, start, { receivedAt: 0, oneWayMs: 0 }, () => now);
    now = 50;
    play.update(() => ({ dx: 100, dy: 0 }));
    // A second-long stall: 57 ticks due at once, the player now steering left.
    now = 1000;
    play.update(() => ({ dx: -100, dy: 0 }));
    expect(play.log.at(40)).toEqual([100, 0]);
    expect(play.log.at(51)).toEqual([100, 0]);
    expect(play.log.at(52)).toEqual([-100, 0]);
    expect(play.log.at(60)).toEqual([-100, 0]);
  });

  it("drops the clock's lead when the server fills ticks while inputs go out (refused as ahead)", () => {
    const now = 0;
    const { match } = fakeMatch();
    const play = new LivePlay(match, start, { receivedAt: 0, oneWayMs: 105 }, () => now);
    expect(play.clock.lead).toBe(45);
    const frame = (tick: number, filled: number) =>
      match.events.emit("frame", {
        tick,
        seats: [{ ackTick: 0, filled, score: 0, x: 640_000, y: 360_000 }],
        reveals: [],
      });
    frame(6, 6);
    expect(play.clock.lead).toBe(45);
    frame(36, 36);
    expect(play.clock.lead).toBe(0);
  });

  it("pause keys pressed within one frame count once: the server is asked for what is wanted at the end", () => {
    const now = 0;
    const { match, sent } = fakeMatch();
    const play = new LivePlay(match, start, { receivedAt: 0, oneWayMs: 0 }, () => now);
    play.toggle();
    play.toggle();
    play.toggle();
    expect(play.flushPause()).toBe("sent");
    expect(sent).toEqual([{ op: LiveOp.PAUSE, lastTick: 1, n: 0 }]);
    match.events.emit(
      "paused",
      { paused: true, pausesLeft: 0, tick: 0, msLeft: 10_000 },
      { receivedAt: 0, oneWayMs: 0 },
    );
    // Two toggles while paused: still paused, nothing sent.
    play.toggle();
    play.toggle();
    expect(play.flushPause()).toBeNull();
    play.want(false);
    expect(play.flushPause()).toBe("sent");
    match.events.emit(
      "paused",
      { paused: false, pausesLeft: 0, tick: 0, msLeft: 1000 },
      { receivedAt: 0, oneWayMs: 0 },
    );
    play.want(true);
    expect(play.flushPause()).toBe("none_left");
    expect(sent).toHaveLength(2);
  });

  it("a pause asked before the server's clock reaches tick 0 waits for it (the server drops one sent sooner)", () => {
    let now = 0;
    const { match, sent } = fakeMatch();
    // Tick 0 is 1000 ms away on the server; this clock runs 45 ms ahead of it.
    const play = new LivePlay(
      match,
      { ...start, startInMs: 1000 },
      { receivedAt: 0, oneWayMs: 105 },
      () => now,
    );
    now = 1000 - 105 - 45 + 5; // this clock's tick 0 has come, the server's has not
    play.want(true);
    expect(play.flushPause()).toBeNull();
    expect(sent).toEqual([]);
    now = 1000 - 105 + 1; // the server's tick 0 has come
    expect(play.flushPause()).toBe("sent");
    expect(sent).toEqual([{ op: LiveOp.PAUSE, lastTick: 1, n: 0 }]);
  });

  it("falls back when the one-way estimate comes down: at once in the countdown, slowly after tick 0, never a tick twice", () => {
    let now = 0;
    const { match } = fakeMatch();
    // START said tick 0 is 1500 ms away; the join's round trip said it took 257 ms.
    const play = new LivePlay(
      match,
      { ...start, startInMs: 1500 },
      { receivedAt: 0, oneWayMs: 257 },
      () => now,
    );
    expect(play.clock.lead).toBe(197);
    expect(play.clock.msToStart(0)).toBe(1500 - 257 - 197);
    // Pings measured 301 ms: START took 150.5 ms, and the lead is 90.5 ms. The clock falls
    // back by both differences (213 ms): at once in the countdown (no tick played yet)…
    now = 100;
    match.events.emit("oneWay", 150.5);
    expect(play.oneWayMs).toBe(150.5);
    expect(play.clock.lead).toBe(90.5);
    play.update(() => ({ dx: 0, dy: 0 }));
    expect(play.clock.msToStart(now)).toBe(1500 - 150.5 - 90.5 - now);
    // …and once running, a fifth of the time that passes.
    now = 1500;
    play.update(() => ({ dx: 0, dy: 0 }));
    const before = play.clock.dueTick(now);
    match.events.emit("oneWay", 100);
    expect(play.clock.lead).toBe(40);
    play.update(() => ({ dx: 0, dy: 0 }));
    expect(play.clock.dueTick(now)).toBe(before);
    now = 2500;
    play.update(() => ({ dx: 0, dy: 0 }));
    expect(play.clock.dueTick(now)).toBe(Math.floor(((now - (1500 - 100 - 40)) * 60) / 1000));
  });
});
