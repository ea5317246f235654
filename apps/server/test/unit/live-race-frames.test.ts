import {
  decodeFrame,
  decodeStart,
  encodeInput,
  type FrameMessage,
  frameInputTicks,
  LiveOp,
  LiveTiming,
  MAX_FRAME_INPUT_TICKS,
  type StartMessage,
  unrollInputs,
} from "@gift-grab/contracts";
import {
  createRng,
  INPUT_MAX,
  nextInt,
  type RoundState,
  roundFromPublic,
  stepRace,
} from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { liveConfig } from "../../src/rounds/live/config";
import { seatUsers } from "../../src/rounds/live/match";
import { LiveRound, type Outgoing } from "../../src/rounds/live/round";

// A race's FRAMEs carry every seat's inputs for the ticks they cover, so a client can keep a
// confirmed race that is the server's, tick for tick: here a "client" plays it from START with
// the simulation alone and must agree with every FRAME, through filled ticks, bots, a player
// taken over by a bot and back, a stalled match loop, and an abandoned race played out.

const NOW = 1_800_000_000_000;
const LOOP_MS = 50;
const DURATION_MS = 12_000;
const A = { userId: "ua", session: "sa" };
const B = { userId: "ub", session: "sb" };

function race() {
  const users = seatUsers({
    race: JSON.stringify({
      users: [
        { user_id: A.userId, username: "alice" },
        { user_id: B.userId, username: "bob" },
      ],
      seats: 4,
    }),
    orientation: "landscape",
    seed: 4242,
  });
  return new LiveRound({
    seed: 4242,
    orientation: "landscape",
    users,
    config: {
      ...liveConfig({}),
      durationMs: DURATION_MS,
      startDelayMs: 0,
      reconnectGraceMs: 1_000,
    },
    now: NOW,
  });
}

/**
 * What a client knows of the race: a START's public state with every Santa, then each FRAME's
 * inputs (the tail it has not played: a rejoin's START is ahead of the last FRAME) and the
 * gift and power-up reveals placed at their ticks. A waiting power-up stays unrevealed
 * (roundFromPublic), so the client's placeholder RNG never places it: the reveal does.
 */
class ConfirmedRace {
  readonly state: RoundState;
  readonly disagreements: string[] = [];
  readonly covered: number[] = [];
  frames = 0;

  constructor(start: StartMessage) {
    const ps = start.state;
    this.state = roundFromPublic(ps, {
      ticks: start.ticks,
      orientation: start.orientation,
      version: start.rulesVersion,
    });
    const r = this.state.rules.santaRadius;
    this.state.others = ps.santas.slice(1).map((s) => ({ ...s, r }));
  }

  frame(f: FrameMessage) {
    const s = this.state;
    if (f.tick <= s.tick) return;
    // Run-length encoded on the wire: one [dx, dy] a tick here.
    const inputs = (f.inputs ?? []).map(unrollInputs);
    const cover = f.tick - s.tick;
    const t = inputs[0]?.length ?? 0;
    this.covered.push(t);
    if (inputs.length !== f.seats.length || t < cover) {
      this.disagreements.push(`frame ${f.tick}: ${t} ticks of inputs for ${cover} unplayed`);
      return;
    }
    for (let k = t - cover; k < t; k++) {
      stepRace(
        s,
        inputs.map((seat) => seat[k] as [number, number]),
      );
      for (const r of f.reveals) {
        if (r.type === "gift" && r.tick === s.tick) {
          s.gift.x = r.x;
          s.gift.y = r.y;
          s.giftAt = r.at;
        } else if (r.type === "power_up" && r.tick === s.tick) {
          const p = s.powerUps[r.index];
          if (!p) throw new Error(`no power-up ${r.index}`);
          // Drawn now, on the field from r.at (rules version 2: a lead later).
          p.state = r.at > r.tick ? "coming" : "active";
          p.appearAtTick = r.at;
          p.body = { ...p.body, x: r.x, y: r.y, vx: r.vx, vy: r.vy };
        }
      }
    }
    this.frames += 1;
    f.seats.forEach((seat, i) => {
      const mine = i === 0 ? { ...s.santa, score: s.score } : s.others[i - 1];
      const got = { x: mine?.x, y: mine?.y, score: mine?.score };
      const want = { x: seat.x, y: seat.y, score: seat.score };
      if (JSON.stringify(got) !== JSON.stringify(want))
        this.disagreements.push(
          `tick ${f.tick} seat ${i}: replayed ${JSON.stringify(got)}, framed ${JSON.stringify(want)}`,
        );
    });
  }
}

/** A player's Santa: a direction that changes now and then, sent as INPUT. */
function mover(seed: number) {
  const rng = createRng(seed);
  const dirs: [number, number][] = [[0, 0]];
  return (upTo: number) => {
    while (dirs.length <= upTo) {
      const last = dirs[dirs.length - 1] as [number, number];
      dirs.push(
        nextInt(rng, 0, 99) < 8
          ? [nextInt(rng, -INPUT_MAX, INPUT_MAX), nextInt(rng, -INPUT_MAX, INPUT_MAX)]
          : last,
      );
    }
    return dirs;
  };
}

function send(
  round: LiveRound,
  who: { userId: string; session: string },
  seat: number,
  dirs: [number, number][],
  lastTick: number,
  n: number,
  now: number,
  out: Outgoing[],
) {
  const k = Math.min(n, lastTick);
  round.receive(
    {
      sessionId: who.session,
      opCode: LiveOp.INPUT,
      data: encodeInput({ seat, lastTick, inputs: dirs.slice(lastTick - k + 1, lastTick + 1) }),
      receiveTimeMs: now,
    },
    now,
    out,
  );
}

const frames = (out: Outgoing[]) =>
  out.flatMap((o) => {
    if (o.op !== LiveOp.FRAME) return [];
    const f = decodeFrame(o.data);
    if (!f) throw new Error("a FRAME did not decode");
    expect(o.to).toBeNull();
    return [f];
  });

const startTo = (out: Outgoing[], seat: number) => {
  const o = out.find((m) => m.op === LiveOp.START && m.to?.[0] === seat);
  const start = o ? decodeStart(o.data) : null;
  if (!start) throw new Error(`no START for seat ${seat}`);
  return start;
};

describe("a race's FRAMEs carry every seat's inputs", () => {
  it("a client replays the confirmed race from START to the end with no disagreement", () => {
    const round = race();
    const out: Outgoing[] = [];
    out.push(...round.join(A.userId, A.session, "t", NOW).out);
    out.push(...round.join(B.userId, B.session, "t", NOW).out);
    const alice = mover(1);
    const bob = mover(2);
    let bobSession: string | null = B.session;
    let bobRejoinAt = -1;
    let sawBobBot = false;
    let stalledAt = -1;
    let now = NOW;
    for (let loop = 0; round.phase !== "over" && loop < 1_000; loop++) {
      // The match loop stalls once for 2.5 s: 150 ticks are due at once.
      const stall = loop === 150;
      now += stall ? 2_500 : LOOP_MS;
      if (stall) stalledAt = round.sim.tick;
      // Bob goes away past the grace (a bot plays his Santa), then comes back.
      if (loop === 50 && bobSession) {
        round.leave(B.userId, bobSession, now);
        bobSession = null;
      }
      if (loop === 110) {
        bobSession = "sb2";
        bobRejoinAt = out.length;
        out.push(...round.join(B.userId, bobSession, "t", now).out);
      }
      sawBobBot ||= round.seats[1]?.botDriven === true;
      const tick = round.clockTick(now);
      if (tick > 0) {
        send(round, A, 0, alice(tick), tick, 6, now, out);
        // Bob's INPUTs carry one tick and two in three are lost: his other ticks are filled.
        if (bobSession && loop % 3 === 0)
          send(round, { ...B, session: bobSession }, 1, bob(tick), tick, 1, now, out);
      }
      round.advance(now, out);
    }
    expect(round.phase).toBe("over");
    expect(round.result?.reason).toBe("completed");

    const all = frames(out);
    const client = new ConfirmedRace(startTo(out, 0));
    for (const f of all) client.frame(f);
    expect(client.disagreements).toEqual([]);
    // Every FRAME that played ticks (one may only tell a power-up's time, in a loop that
    // played none while inputs were awaited).
    expect(client.frames).toBe(all.filter((f, i) => f.tick > (all[i - 1]?.tick ?? 0)).length);
    expect(client.state.tick).toBe(round.sim.ticks);
    expect(client.state.others.map((r) => r.score)).toEqual(
      round.result?.santas.slice(1).map((r) => r.score),
    );

    // Every tick is in exactly one FRAME, never more than the bound; the stall's catch-up
    // frames as it goes (a loop plays at most raceFrameTicks).
    let last = 0;
    for (const f of all) {
      expect(frameInputTicks(f.inputs ?? []), `frame ${f.tick}`).toBe(f.tick - last);
      for (const seat of f.inputs ?? []) expect(unrollInputs(seat)).toHaveLength(f.tick - last);
      last = f.tick;
    }
    // Run-length encoded as played: a held direction is one run (no two neighbours alike).
    const split = all.flatMap((f) =>
      (f.inputs ?? []).flatMap((runs) =>
        runs.filter((r, k) => k > 0 && r[1] === runs[k - 1]?.[1] && r[2] === runs[k - 1]?.[2]),
      ),
    );
    expect(split).toEqual([]);
    const covered = all.map((f) => frameInputTicks(f.inputs ?? []));
    expect(Math.max(...covered)).toBeLessThanOrEqual(MAX_FRAME_INPUT_TICKS);
    expect(Math.max(...covered)).toBeGreaterThanOrEqual(LiveTiming.raceFrameTicks);
    expect(stalledAt).toBeGreaterThan(0);

    // The race had what the replay must get right: filled ticks, bots, a bot player, spawns.
    expect(round.seats[1]?.filled).toBeGreaterThan(100);
    expect(round.seats[0]?.filled).toBeGreaterThan(50);
    expect(sawBobBot).toBe(true);
    expect(round.seats[1]?.botDriven).toBe(false);
    const reveals = all.flatMap((f) => f.reveals);
    expect(reveals.filter((r) => r.type === "gift").length).toBeGreaterThanOrEqual(5);
    expect(reveals.filter((r) => r.type === "power_up")).toHaveLength(2);
    // Rules version 2: each spawn is revealed when drawn, on the field a lead later.
    for (const r of reveals) if (r.type !== "power_up_time") expect(r.at - r.tick).toBe(24);
    const bots = round.result?.santas.slice(2) ?? [];
    expect(bots.reduce((sum, r) => sum + r.score, 0)).toBeGreaterThan(0);

    // Bob's rejoin START is ahead of the last FRAME: from it, each FRAME's tail is his to play.
    const rejoin = startTo(out.slice(bobRejoinAt), 1);
    expect(rejoin.state.tick).toBeGreaterThan(0);
    const back = new ConfirmedRace(rejoin);
    for (const f of frames(out.slice(bobRejoinAt))) back.frame(f);
    expect(back.disagreements).toEqual([]);
    expect(back.state.tick).toBe(round.sim.ticks);
  });

  it("carries the ticks an abandoned race is played out with, standing still, a bounded number a FRAME", () => {
    const round = race();
    const out: Outgoing[] = [];
    out.push(...round.join(A.userId, A.session, "t", NOW).out);
    out.push(...round.join(B.userId, B.session, "t", NOW).out);
    const alice = mover(3);
    let now = NOW;
    for (let loop = 0; round.phase !== "over" && loop < 1_000; loop++) {
      now += LOOP_MS;
      if (loop === 40) {
        round.leave(A.userId, A.session, now);
        round.leave(B.userId, B.session, now);
      }
      const tick = round.clockTick(now);
      if (loop < 40 && tick > 0) send(round, A, 0, alice(tick), tick, 6, now, out);
      round.advance(now, out);
    }
    expect(round.result?.reason).toBe("abandoned");
    const ticksPlayed = round.result?.ticksPlayed ?? 0;
    expect(ticksPlayed).toBeLessThan(round.sim.ticks - 300);

    const all = frames(out);
    const client = new ConfirmedRace(startTo(out, 0));
    for (const f of all) client.frame(f);
    expect(client.disagreements).toEqual([]);
    expect(client.state.tick).toBe(round.sim.ticks);
    const playedOut = all.filter((f) => f.tick > ticksPlayed);
    expect(playedOut.length).toBeGreaterThanOrEqual(10);
    for (const f of playedOut) {
      expect(frameInputTicks(f.inputs ?? [])).toBeLessThanOrEqual(LiveTiming.raceFrameTicks);
      // Past the last tick the server played with inputs, every Santa stands still.
      const still = (f.inputs ?? [])
        .map(unrollInputs)
        .flatMap((seat, i) =>
          seat.slice(Math.max(0, seat.length - (f.tick - ticksPlayed))).map((d) => [i, ...d]),
        );
      expect(still.every((d) => d[1] === 0 && d[2] === 0)).toBe(true);
    }
  });

  it("keeps a solo round's FRAME without inputs", () => {
    const round = new LiveRound({
      seed: 5,
      orientation: "landscape",
      users: [{ userId: A.userId, username: "alice" }],
      config: { ...liveConfig({}), durationMs: 1_000, startDelayMs: 0 },
      now: NOW,
    });
    round.join(A.userId, A.session, "t", NOW);
    const out: Outgoing[] = [];
    for (let now = NOW + LOOP_MS; round.phase !== "over"; now += LOOP_MS) round.advance(now, out);
    const all = frames(out);
    expect(all.length).toBeGreaterThan(5);
    for (const f of all) expect(f.inputs).toBeUndefined();
  });
});
