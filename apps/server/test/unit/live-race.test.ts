import { decodeEnd, decodeStart, encodeInput, encodePause, LiveOp } from "@gift-grab/contracts";
import { replayRace } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { liveConfig } from "../../src/rounds/live/config";
import { seatUsers } from "../../src/rounds/live/match";
import { plainEnd } from "../../src/rounds/live/plain-end";
import { LiveRound, type Outgoing } from "../../src/rounds/live/round";

const NOW = 1_800_000_000_000;
const LOOP_MS = 50;
const A = { userId: "ua", session: "sa" };
const B = { userId: "ub", session: "sb" };

function race(seats = 4, durationMs = 3_000, reconnectGraceMs = 1_000, raceJoinWaitMs = 2_000) {
  const users = seatUsers({
    race: JSON.stringify({
      users: [
        { user_id: A.userId, username: "alice" },
        { user_id: B.userId, username: "bob" },
      ],
      seats,
    }),
    orientation: "landscape",
    seed: 77,
  });
  return new LiveRound({
    seed: 77,
    orientation: "landscape",
    users,
    config: { ...liveConfig({}), durationMs, startDelayMs: 0, reconnectGraceMs, raceJoinWaitMs },
    now: NOW,
  });
}

/** Plays loops until the race is over; `send` says which players send their input each loop. */
function playOut(
  round: LiveRound,
  now: number,
  send: (loop: number) => { userId: string; session: string; seat: number }[],
) {
  const out: Outgoing[] = [];
  for (let loop = 0; round.phase !== "over" && loop < 10_000; loop++) {
    now += LOOP_MS;
    const tick = round.clockTick(now);
    for (const p of send(loop))
      if (tick > 0)
        round.receive(
          {
            sessionId: p.session,
            opCode: LiveOp.INPUT,
            data: encodeInput({
              seat: p.seat,
              lastTick: tick,
              inputs: [[p.seat === 0 ? 100 : -100, 30]],
            }),
            receiveTimeMs: now,
          },
          now,
          out,
        );
    round.advance(now, out);
  }
  return { out, now };
}

const both = () => [
  { ...A, seat: 0 },
  { ...B, seat: 1 },
];

describe("a race on the live round", () => {
  it("fills empty seats with bots, starts when every player is in, and names every seat in START", () => {
    const round = race(4);
    expect(round.seats.map((s) => [s.username, s.bot])).toEqual([
      ["alice", false],
      ["bob", false],
      ["Blitzen", true],
      ["Vixen", true],
    ]);
    expect(round.mayJoin("")).toBe(false);
    expect(round.mayJoin("stranger")).toBe(false);
    // START goes to every seat at once, when the last player is in.
    expect(round.join(A.userId, A.session, "t", NOW).out).toHaveLength(0);
    expect(round.phase).toBe("waiting");
    const { out } = round.join(B.userId, B.session, "t", NOW);
    expect(round.phase).toBe("countdown");
    expect(out.map((o) => o.to)).toEqual([[0], [1], [2], [3]]);
    const start = decodeStart(out[1]?.data);
    expect(start?.seat).toBe(1);
    expect(start?.state.santas).toHaveLength(4);
    expect(start?.players?.map((p) => p.bot)).toEqual([false, false, true, true]);
  });

  it("plays every seat's Santa; the result is the replay of what each seat played", () => {
    const round = race(4);
    round.join(A.userId, A.session, "t", NOW);
    round.join(B.userId, B.session, "t", NOW);
    const { out } = playOut(round, NOW, both);
    const result = round.result;
    if (!result) throw new Error("no result");
    expect(result.reason).toBe("completed");
    const again = replayRace(
      { seed: 77, duration_ms: 3_000, orientation: "landscape" },
      4,
      round.seats.map((s) => s.log),
    );
    expect(again.santas.map((s) => s.score)).toEqual(result.santas.map((s) => s.score));
    // The bots play for real.
    expect((result.santas[2]?.score ?? 0) + (result.santas[3]?.score ?? 0)).toBeGreaterThan(0);
    // Players' Santas went where they were sent: seat 0 right, seat 1 left.
    expect(round.seats[0]?.log.at(-1)?.slice(1)).toEqual([100, 30]);
    expect(round.seats[1]?.log.at(-1)?.slice(1)).toEqual([-100, 30]);
    // Each seat's END is its own.
    const ends: Outgoing[] = [];
    round.ended(
      result.santas.map((_, i) => plainEnd(result, i)),
      ends,
    );
    expect(ends.map((e) => [e.to, decodeEnd(e.data)?.score])).toEqual(
      result.santas.map((r, i) => [[i], r.score]),
    );
    expect(out.some((o) => o.op === LiveOp.FRAME)).toBe(true);
  });

  it("doesn't pause: a PAUSE is dropped and counted", () => {
    const round = race(2);
    round.join(A.userId, A.session, "t", NOW);
    const { out } = round.join(B.userId, B.session, "t", NOW);
    expect(decodeStart(out[0]?.data)?.pausesLeft).toBe(0);
    round.advance(NOW + 100, []);
    const sent: Outgoing[] = [];
    round.receive(
      { sessionId: A.session, opCode: LiveOp.PAUSE, data: encodePause(true) },
      NOW + 200,
      sent,
    );
    expect(sent).toEqual([]);
    expect(round.pausedAt).toBeNull();
    expect(round.seats[0]?.dropped.paused_limit).toBe(1);
  });

  it("ignores a player's input for another seat", () => {
    const round = race(2);
    round.join(A.userId, A.session, "t", NOW);
    round.join(B.userId, B.session, "t", NOW);
    // Alice sends inputs for Bob's seat too; Bob sends nothing: his Santa stands still.
    playOut(round, NOW, () => [
      { ...A, seat: 0 },
      { ...A, seat: 1 },
    ]);
    expect(round.seats[0]?.dropped.other_seat).toBeGreaterThanOrEqual(55);
    expect(round.seats[1]?.log).toEqual([[round.sim.ticks, 0, 0]]);
  });

  it("lets a bot take over a player gone past the grace, gives the seat back on rejoin, ends when nobody is left", () => {
    const round = race(2);
    round.join(A.userId, A.session, "t", NOW);
    round.join(B.userId, B.session, "t", NOW);
    let now = NOW + 500;
    round.advance(now, []);
    round.leave(B.userId, B.session, now);
    now += 1_100;
    round.advance(now, []);
    expect(round.seats[1]?.botDriven).toBe(true);
    expect(round.phase).toBe("running");
    expect(round.players().map((p) => p.bot)).toEqual([false, true]);
    round.join(B.userId, "sb2", "t", now);
    expect(round.seats[1]?.botDriven).toBe(false);
    // Both leave: once both are past the grace the race ends, played out standing still.
    round.leave(A.userId, A.session, now);
    round.leave(B.userId, "sb2", now);
    round.advance(now + 500, []);
    expect(round.phase).toBe("running");
    round.advance(now + 1_100, []);
    expect(round.phase).toBe("over");
    expect(round.result?.reason).toBe("abandoned");
    expect(round.sim.over).toBe(true);
  });

  it("begins without a matched player who doesn't come: past the join wait a bot takes the seat", () => {
    const round = race(2);
    round.join(A.userId, A.session, "t", NOW);
    const early: Outgoing[] = [];
    expect(round.advance(NOW + 1_999, early)).toBe(true);
    expect(round.phase).toBe("waiting");
    expect(early).toEqual([]);
    const out: Outgoing[] = [];
    round.advance(NOW + 2_000, out);
    expect(round.phase).toBe("countdown");
    expect(round.seats[1]?.botDriven).toBe(true);
    expect(decodeStart(out.find((o) => o.to?.[0] === 0)?.data)?.players?.map((p) => p.bot)).toEqual(
      [false, true],
    );
    // Bob may still come: the seat is his again.
    round.join(B.userId, B.session, "t", NOW + 2_100);
    expect(round.seats[1]?.botDriven).toBe(false);
    playOut(round, NOW + 2_100, both);
    expect(round.result?.reason).toBe("completed");
  });

  it("closes a race nobody came to after the join timeout", () => {
    const round = race(2);
    expect(round.advance(NOW + 2_000, [])).toBe(true);
    expect(round.phase).toBe("waiting");
    expect(round.advance(NOW + round.config.joinTimeoutMs, [])).toBe(false);
  });
});
