import { encodeInput, encodePause, LiveOp, LiveTiming } from "@gift-grab/contracts";
import { replay, ticksFor, totalTicks } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { liveConfig } from "../../src/rounds/live/config";
import {
  MAX_HUMAN_DIRECTION_CHANGES_PER_S,
  plausibility,
  reactionTicks,
  turnTicks,
} from "../../src/rounds/live/plausibility";
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
    // Played under the rules players play now (version 2), and stored so.
    expect(run.rules_version).toBe(2);
    const again = replay({ ...params, rules_version: 2 }, run.inputs);
    expect(run.score).toBeGreaterThan(0);
    expect({ score: again.score, hash: again.hash }).toEqual({ score: run.score, hash: run.hash });
    // The driver's bot is a program: it turns to each new gift within a match loop (a median
    // of 50 ms here), so its run is held for review instead of going on the board.
    expect(run.end).toMatchObject({
      reason: "completed",
      score: run.score,
      newBest: false,
      held: true,
      best: 0,
      rank: 0,
    });
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

/** A solo round joined at NOW, its first loop played: counting down `startDelayMs`. */
function joined(durationMs: number, startDelayMs: number) {
  const config = { ...liveConfig({}), durationMs, startDelayMs };
  const round = new LiveRound({
    seed: 42,
    orientation: "landscape",
    users: [{ userId: USER, username: "p" }],
    config,
    now: NOW,
  });
  round.join(USER, SESSION, "test", NOW);
  round.advance(NOW, []);
  return round;
}

function running(durationMs = 2_000) {
  const round = joined(durationMs, 0);
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
    // Every tick of it further ahead than aheadTicks: refused.
    send(round, LiveOp.INPUT, input(30 + LiveTiming.aheadTicks + 3), at);
    const seat = round.seats[0];
    expect(seat?.dropped).toMatchObject({ malformed: 2, other_seat: 1, wrong_op: 1, ahead: 1 });
    expect(seat?.has.some((v) => v === 1)).toBe(false);
    send(round, LiveOp.INPUT, input(30), at);
    expect(seat?.has[30]).toBe(1);
  });

  it("takes the ticks of an input up to aheadTicks ahead of the clock and refuses only the newer ones", () => {
    const round = running();
    const at = NOW + 500; // tick 30 is due
    const edge = 30 + LiveTiming.aheadTicks;
    // A clock leading a little too far: the message's newest ticks are future input.
    send(round, LiveOp.INPUT, input(edge + 2, 6), at);
    const seat = round.seats[0];
    expect(seat?.dropped.ahead).toBe(0);
    expect(
      [edge - 3, edge - 2, edge - 1, edge, edge + 1, edge + 2].map((t) => seat?.has[t]),
    ).toEqual([1, 1, 1, 1, 0, 0]);
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

  it("grants a PAUSE that came in the loop the round begins, before it began, as it begins", () => {
    // The player's Esc at "Go!": the countdown's last loop still runs when the PAUSE is read.
    const round = joined(2_000, 1_000);
    expect(round.phase).toBe("countdown");
    const start = NOW + 1_000;
    expect(send(round, LiveOp.PAUSE, encodePause(true), start + 5)).toHaveLength(0);
    const out: Outgoing[] = [];
    round.advance(start + 5, out);
    expect(round.phase).toBe("running");
    expect(round.pausedAt).toBe(start + 5);
    expect(round.pausesLeft).toBe(LiveTiming.maxPauses - 1);
    expect(out.map((m) => m.op)).toContain(LiveOp.PAUSED);
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
  // Ticks count from 1: a run [n, dx, dy] after t ticks plays ticks t+1 … t+n.
  it("counts a turn only past 45° from the last one: drift, easing and stops are none", () => {
    const log: [number, number, number][] = [
      [10, 0, 0], // standing: no turn
      [5, 97, 23], // tick 11: the first move
      [3, 97, 22], // drift by a unit or two, as a drag steers: no turn
      [2, 98, 20],
      [4, 40, 8], // easing into the target (shorter, same way): no turn
      [6, 0, 0], // stopped: no turn
      [3, 98, 21], // on the same way again: no turn
      [2, 71, 71], // exactly 45° from (97, 23)'s way? no: 45° from the x axis, under 45° from it
      [2, 0, 100], // tick 36: 77° from the last turn's way
      [2, -100, 0], // tick 38: 90°
      [2, -70, 72], // tick 40: just over 45°
      [2, -71, 71], // within 45° of (-70, 72)'s way
    ];
    expect(turnTicks(log)).toEqual([11, 36, 38, 40]);
    // A right angle either way, every tick: a turn a tick.
    const zigzag: [number, number, number][] = Array.from({ length: 6 }, (_, i) =>
      i % 2 ? [1, 0, 100] : [1, 100, 0],
    );
    expect(turnTicks(zigzag)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("times each reaction from a grab to the first move toward the gift it brought", () => {
    const log: [number, number, number][] = [
      [20, 100, 0], // ticks 1-20 right; grab at 10
      [5, 60, 0], // 21-25 easing into the old gift (no reaction: still right)
      [3, 0, 0], // 26-28 stopped on it
      [12, 0, 100], // 29-40 down, toward the new gift: 19 ticks after the grab at 10
      [20, 0, 100], // 41-60 (a separate run: same way); grab at 45 brings a gift further down
      [20, -100, 0], // 61-80 left; grab at 70 brings a gift up: never headed for it before
      [20, 0, -100], // 81-100 up: but after the next grab, at 80: no reaction measured
    ];
    const grabs = [
      { tick: 10, toGiftX: 0, toGiftY: 5000 },
      { tick: 45, toGiftX: 100, toGiftY: 9000 }, // already heading that way: nothing to see
      { tick: 70, toGiftX: 0, toGiftY: -9000 },
      { tick: 80, toGiftX: -9000, toGiftY: 0 }, // heading there at the grab
    ];
    expect(reactionTicks(log, grabs)).toEqual([19]);
  });

  function seatWith(log: [number, number, number][]) {
    const seat = running(30_000).seats[0];
    if (!seat) throw new Error("no seat");
    seat.log.push(...log);
    return seat;
  }

  it("flags a run that turns to each new gift faster than a person can", () => {
    // Ten gifts, each to the right then the left of the last; a turn toward each `after` ticks
    // after its grab.
    const play = (after: number) => {
      const log: [number, number, number][] = [];
      const grabs = [];
      for (let g = 0; g < 10; g++) {
        const way = g % 2 ? 100 : -100;
        // Grabbed at tick 60g + 1, still going the last gift's way until 60g + after.
        log.push([after, -way, 0], [60 - after, way, 0]);
        grabs.push({ tick: 60 * g + 1, toGiftX: way * 50, toGiftY: 0 });
      }
      return plausibility(seatWith(log), grabs, 600);
    };
    // One tick (17 ms): a program.
    expect(play(1)).toMatchObject({ flagged: true, reactions: 10, reaction_median_ms: 17 });
    // 18 ticks (300 ms): a person.
    expect(play(18)).toMatchObject({ flagged: false, reactions: 10, reaction_median_ms: 300 });
  });

  it("flags a run that turns more often than a thumb can, not one that drifts every tick", () => {
    const zigzag: [number, number, number][] = Array.from({ length: 600 }, (_, i) =>
      i % 2 ? [1, 70, 70] : [1, 70, -70],
    );
    expect(plausibility(seatWith(zigzag), [], 600)).toMatchObject({
      flagged: true,
      direction_changes_per_s: 59.9,
    });
    // A finger's drag: a slightly different input every tick, sweeping a quarter turn a second.
    const drag: [number, number, number][] = Array.from({ length: 600 }, (_, i) => {
      const a = ((i % 60) / 60) * (Math.PI / 2);
      return [1, Math.round(100 * Math.cos(a)), Math.round(100 * Math.sin(a))];
    });
    const figures = plausibility(seatWith(drag), [], 600);
    expect(figures.flagged).toBe(false);
    expect(figures.direction_changes_per_s).toBeLessThan(MAX_HUMAN_DIRECTION_CHANGES_PER_S / 5);
  });
});
