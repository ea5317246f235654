import { encodeInput, encodePause, LiveOp, LiveTiming } from "@gift-grab/contracts";
import { replay, ticksFor, totalTicks } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { liveConfig } from "../../src/rounds/live/config";
import { plausibility, reactionTicks } from "../../src/rounds/live/plausibility";
import { LiveRound, type Outgoing } from "../../src/rounds/live/round";
import { driveLiveRound } from "../determinism/live-driver";

const params = { seed: 0xdecafbad, duration_ms: 5_000, orientation: "landscape" as const };

describe("a live round played through the match handler", () => {
  it("scores what the replay of the inputs it played scores, and ends on time", () => {
    const run = driveLiveRound({
      ...params,
      bot_seed: 1,
      lose_every: 7,
      late_every: 5,
      pause_at: 100,
    });
    expect(totalTicks(run.inputs)).toBe(ticksFor(params.duration_ms));
    const again = replay(params, run.inputs);
    expect(run.score).toBeGreaterThan(0);
    expect({ score: again.score, hash: again.hash }).toEqual({ score: run.score, hash: run.hash });
    expect(run.end).toMatchObject({ reason: "completed", score: run.score, newBest: true });
    expect(JSON.parse(run.dropped)).toEqual({
      malformed: 0,
      wrong_op: 0,
      other_seat: 0,
      ahead: 0,
      flood: 0,
      paused_limit: 0,
    });
  });

  it("reveals each gift once, the round's last loop too (its FRAME is the last one sent)", () => {
    // A grab in the last loop was once sent again by the end's own FRAME.
    for (let bot = 1; bot <= 40; bot++) {
      const run = driveLiveRound({
        ...params,
        duration_ms: 3_000,
        bot_seed: bot,
        lose_every: 0,
        late_every: 0,
        pause_at: 0,
      });
      expect(run.gift_reveals, `bot ${bot}`).toBe(run.gifts);
    }
  });

  it("is the same round for the same messages at the same times", () => {
    const spec = { ...params, bot_seed: 9, lose_every: 3, late_every: 4, pause_at: 0 };
    expect(driveLiveRound(spec)).toEqual(driveLiveRound(spec));
  });
});

const NOW = 1_800_000_000_000;
const USER = "u1";
const SESSION = "s1";

function running(durationMs = 2_000) {
  const config = { ...liveConfig({}), durationMs, startDelayMs: 0 };
  const round = new LiveRound({
    seed: 42,
    orientation: "landscape",
    users: [{ userId: USER, username: "p" }],
    config,
    now: NOW,
  });
  round.join(USER, SESSION, "test", NOW);
  const out: Outgoing[] = [];
  round.advance(NOW, out);
  expect(round.phase).toBe("running");
  return round;
}

const input = (lastTick: number, n = 3, seat = 0) =>
  encodeInput({
    seat,
    lastTick,
    inputs: Array.from({ length: n }, () => [100, 0] as [number, number]),
  });

function send(round: LiveRound, opCode: number, data: unknown, at: number, sessionId = SESSION) {
  const out: Outgoing[] = [];
  round.receive({ sessionId, opCode, data, receiveTimeMs: at }, at, out);
  return out;
}

describe("a live round's refusals", () => {
  it("drops junk, another seat's input, a wrong op code and ticks ahead of the clock, and counts each", () => {
    const round = running();
    const at = NOW + 500; // tick 30 is due
    send(round, LiveOp.INPUT, new Uint8Array([1, 2, 3]), at);
    send(round, LiveOp.INPUT, "text", at);
    send(round, LiveOp.INPUT, input(30, 3, 1), at);
    send(round, 99, input(30), at);
    send(round, LiveOp.INPUT, input(30 + LiveTiming.aheadTicks + 1), at);
    const seat = round.seats[0];
    expect(seat?.dropped).toMatchObject({ malformed: 2, other_seat: 1, wrong_op: 1, ahead: 1 });
    expect(seat?.has.some((v) => v === 1)).toBe(false);
    send(round, LiveOp.INPUT, input(30), at);
    expect(seat?.has[30]).toBe(1);
  });

  it("takes at most maxInputsPerLoop messages a loop: a flood is dropped", () => {
    const round = running();
    for (let i = 0; i < 10 * LiveTiming.maxInputsPerLoop; i++)
      send(round, LiveOp.INPUT, input(30), NOW + 500);
    expect(round.seats[0]?.dropped.flood).toBe(9 * LiveTiming.maxInputsPerLoop);
    round.advance(NOW + 500, []);
    send(round, LiveOp.INPUT, input(33), NOW + 550);
    expect(round.seats[0]?.dropped.flood).toBe(9 * LiveTiming.maxInputsPerLoop);
  });

  it("ignores a socket that no longer holds the seat", () => {
    const round = running();
    round.join(USER, "s2", "test", NOW + 100);
    send(round, LiveOp.INPUT, input(6), NOW + 100, SESSION);
    expect(round.seats[0]?.has[6]).toBe(0);
  });

  it("plays a tick with the last input once its window has closed, and never waits for a client", () => {
    const round = running();
    send(round, LiveOp.INPUT, input(3), NOW + 50);
    round.advance(NOW + 50, []);
    expect(round.sim.tick).toBe(3);
    // Nothing more arrives: the clock plays on with the last input, lateTicks behind.
    round.advance(NOW + 1000, []);
    expect(round.sim.tick).toBe(60 - LiveTiming.lateTicks);
    expect(round.seats[0]?.filled).toBe(60 - LiveTiming.lateTicks - 3);
    expect(round.seats[0]?.log).toEqual([[60 - LiveTiming.lateTicks, 100, 0]]);
    // The round ends when its clock says, lateTicks after its last tick was due.
    round.advance(NOW + 2000 + (LiveTiming.lateTicks * 1000) / 60 + 1, []);
    expect(round.phase).toBe("over");
    expect(round.result?.reason).toBe("completed");
  });

  it("pauses at most maxPauses times, each at most maxPauseMs: no slow motion", () => {
    const round = running(30_000);
    let t = NOW + 100;
    for (let i = 0; i < LiveTiming.maxPauses; i++) {
      expect(send(round, LiveOp.PAUSE, encodePause(true), t)).toHaveLength(1);
      t += LiveTiming.maxPauseMs + 500; // never asks to resume…
      round.advance(t, []);
      expect(round.pausedAt).toBeNull(); // …and resumes after maxPauseMs all the same
    }
    // Each pause stopped the clock for maxPauseMs (and the resume delay), not for as long as
    // the loop took to end it.
    expect(round.pausedMs).toBe(
      LiveTiming.maxPauses * (LiveTiming.maxPauseMs + LiveTiming.resumeDelayMs),
    );
    send(round, LiveOp.PAUSE, encodePause(true), t);
    expect(round.pausedAt).toBeNull();
    expect(round.seats[0]?.dropped.paused_limit).toBe(1);
    // The whole round ends no later than its length plus the pauses' bound plus the late window.
    const bound =
      NOW + 30_000 + LiveTiming.maxPauses * (LiveTiming.maxPauseMs + LiveTiming.resumeDelayMs);
    round.advance(bound + (LiveTiming.lateTicks * 1000) / 60 + 1, []);
    expect(round.phase).toBe("over");
  });

  it("ends the round, played out standing still, when a dropped socket stays away past the grace", () => {
    const round = running(30_000);
    send(round, LiveOp.INPUT, input(3), NOW + 50);
    round.advance(NOW + 50, []);
    round.leave(USER, SESSION, NOW + 60);
    round.advance(NOW + 60 + round.config.reconnectGraceMs - 1, []);
    expect(round.phase).toBe("running");
    round.advance(NOW + 60 + round.config.reconnectGraceMs, []);
    expect(round.phase).toBe("over");
    expect(round.result?.reason).toBe("abandoned");
    expect(totalTicks(round.seats[0]?.log ?? [])).toBe(ticksFor(30_000));
  });
});

describe("plausibility figures", () => {
  it("measures each reaction from a grab to the next change of direction", () => {
    // Ticks 1-10 right, 11-14 up, 15-40 left: changes start at ticks 11 and 15.
    const log: [number, number, number][] = [
      [10, 100, 0],
      [4, 0, -100],
      [26, -100, 0],
    ];
    expect(reactionTicks(log, [3, 12, 20])).toEqual([8, 3]);
  });

  it("flags a run whose median reaction is faster than a human's", () => {
    const round = running(30_000);
    const seat = round.seats[0];
    if (!seat) throw new Error("no seat");
    // A direction change one tick after each of 10 grabs: 17 ms reactions.
    for (let g = 0; g < 10; g++) seat.log.push([60, g % 2 ? 100 : -100, 0]);
    const grabs = Array.from({ length: 10 }, (_, g) => 60 * g + 59);
    expect(plausibility(seat, grabs.slice(0, 9), 600)).toMatchObject({
      flagged: true,
      reactions: 9,
    });
    const slow = grabs.map((t) => t - 20);
    expect(plausibility(seat, slow, 600).flagged).toBe(false);
  });
});
