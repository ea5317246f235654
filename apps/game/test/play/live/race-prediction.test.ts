import {
  type FrameMessage,
  frameInputTicks,
  type Reveal,
  unrollInputs,
} from "@gift-grab/contracts";
import {
  appendInput,
  createRound,
  type InputRuns,
  publicState,
  type RoundState,
  racer,
  revealTick,
  SUBUNITS,
  spawnsOf,
  stepRace,
} from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { InputLog } from "../../../src/net/live/input-log";
import {
  giftKnown,
  HIDDEN,
  MAX_STEP,
  Prediction,
  seatView,
} from "../../../src/play/live/prediction";

const LEAD = 15;

/**
 * The server's side of a race, as rounds/live/round.ts plays it: each tick every seat's input
 * (the client's when it came in time, else its last; the other players' scripted), reveals in
 * the frame that played them, and every seat's inputs since the last frame in each frame.
 */
class FakeRaceServer {
  readonly sim: RoundState;
  private readonly last: [number, number][];
  /** Each seat's inputs since the last frame, run-length encoded as the server's FRAME has them. */
  private played: InputRuns[];
  private reveals: Reveal[] = [];
  private timeRevealed = new Set<number>();
  readonly gifts: { x: number; y: number }[] = [];
  ackTick = 0;
  filled = 0;

  constructor(
    seed: number,
    readonly seats: number,
  ) {
    // What the server plays now: rules version 2 (each spawn drawn a lead before it appears).
    this.sim = createRound({ seed, durationMs: 20_000, santas: seats, version: 2 });
    this.last = Array.from({ length: seats }, () => [0, 0]);
    this.played = Array.from({ length: seats }, () => []);
    this.gifts.push({ ...this.sim.gift });
  }

  play(upTo: number, input: (seat: number, tick: number) => [number, number] | null): void {
    while (this.sim.tick < upTo && !this.sim.over) {
      const t = this.sim.tick + 1;
      for (let i = 0; i < this.seats; i++) {
        const got = input(i, t);
        if (got) {
          this.last[i] = got;
          if (i === 0) this.ackTick = t;
        } else if (i === 0) this.filled += 1;
        const [dx, dy] = this.last[i] as [number, number];
        appendInput(this.played[i] as InputRuns, dx, dy);
      }
      const events = stepRace(this.sim, this.last);
      spawnsOf(events, this.reveals);
      this.gifts.push({ ...this.sim.gift });
    }
  }

  frame(clock: number): FrameMessage {
    this.sim.powerUps.forEach((p, index) => {
      if (p.state !== "waiting" || this.timeRevealed.has(index)) return;
      if (clock >= revealTick(p.appearAtTick, LEAD)) {
        this.timeRevealed.add(index);
        this.reveals.push({ type: "power_up_time", index, appearAtTick: p.appearAtTick });
      }
    });
    const s = this.sim;
    const seats = Array.from({ length: this.seats }, (_, i) => {
      const r = racer(s, i);
      const mine = i === 0;
      return {
        ackTick: mine ? this.ackTick : s.tick,
        filled: mine ? this.filled : 0,
        score: r.score,
        x: r.x,
        y: r.y,
      };
    });
    const frame = { tick: s.tick, seats, reveals: this.reveals, inputs: this.played };
    this.reveals = [];
    this.played = Array.from({ length: this.seats }, () => []);
    return frame;
  }
}

/** Steers at the gift it sees (none while it is hidden: keeps going). */
function steer(s: RoundState, seat: number, last: [number, number]): [number, number] {
  if (!giftKnown(s)) return last;
  const me = racer(s, seat);
  const x = s.gift.x - me.x;
  const y = s.gift.y - me.y;
  const len = Math.sqrt(x * x + y * y);
  return len === 0 ? [0, 0] : [Math.round((100 * x) / len), Math.round((100 * y) / len)];
}

/**
 * A race: this client plays seat 0 and predicts; the other seats are players the server hears
 * from (each turns every 20–40 ticks); frames every 6 ticks reach the client `lag` ticks late.
 */
function race(options: {
  seed: number;
  seats: number;
  lag: number;
  lost?: (t: number) => boolean;
}) {
  const server = new FakeRaceServer(options.seed, options.seats);
  const ticks = server.sim.ticks;
  const log = new InputLog(ticks);
  const client = new Prediction(
    publicState(server.sim, LEAD),
    { ticks, orientation: "landscape", seat: 0, seats: options.seats, rulesVersion: 2 },
    log,
  );
  const others = (seat: number, t: number): [number, number] => {
    const turn = Math.floor(t / (20 + 7 * seat));
    const a = (turn * 2.4 + seat) % (2 * Math.PI);
    return [Math.round(100 * Math.cos(a)), Math.round(100 * Math.sin(a))];
  };
  const inFlight: { at: number; frame: FrameMessage }[] = [];
  let input: [number, number] = [0, 0];
  const shownGifts: { x: number; y: number }[] = [];
  for (let t = 1; t <= ticks + options.lag * 2 + 12; t++) {
    if (t <= ticks) {
      input = steer(client.predicted, 0, input);
      log.record(t, input[0], input[1]);
      client.step(input[0], input[1]);
    }
    const serverTick = Math.min(ticks, t - options.lag);
    server.play(serverTick, (seat, tick) =>
      seat === 0 ? (options.lost?.(tick) ? null : log.at(tick)) : others(seat, tick),
    );
    if (t % 6 === 0) inFlight.push({ at: t + options.lag, frame: server.frame(serverTick) });
    client.fade(1000 / 60);
    while (inFlight[0] && inFlight[0].at <= t) {
      client.reconcile((inFlight.shift() as { frame: FrameMessage }).frame);
      const g = client.predicted.gift;
      if (g.x !== HIDDEN) shownGifts.push({ x: g.x, y: g.y });
    }
  }
  return { server, client, shownGifts };
}

describe("a race's prediction", () => {
  it("plays the confirmed race exactly as the server did, every Santa and spawn", () => {
    for (const seats of [2, 4]) {
      const { server, client } = race({ seed: 21 + seats, seats, lag: 9 });
      expect(server.sim.over).toBe(true);
      expect(client.desyncs).toBe(0);
      expect(client.confirmed.tick).toBe(server.sim.ticks);
      for (let i = 0; i < seats; i++)
        expect(racer(client.confirmed, i)).toEqual(racer(server.sim, i));
      expect(client.confirmed.powerUps.map((p) => p.state)).toEqual(
        server.sim.powerUps.map((p) => p.state),
      );
      // Somebody scored: the race is a race.
      const scores = Array.from({ length: seats }, (_, i) => racer(server.sim, i).score);
      expect(Math.max(...scores)).toBeGreaterThan(2);
    }
  });

  it("shows only gifts the server placed", () => {
    const { server, shownGifts } = race({ seed: 8, seats: 3, lag: 9 });
    expect(shownGifts.length).toBeGreaterThan(0);
    const placed = new Set(server.gifts.map((g) => `${g.x},${g.y}`));
    for (const g of shownGifts) expect(placed.has(`${g.x},${g.y}`)).toBe(true);
  });

  it("shows every revealed spawn on time when frames lag less than the lead (lag 9: 300 ms RTT)", () => {
    const { client, server } = race({ seed: 5, seats: 4, lag: 9 });
    expect(client.giftReveals).toBeGreaterThan(3);
    expect(client.lateGiftReveals).toBe(0);
    expect(client.latePowerUpReveals).toBe(0);
    expect(client.desyncs).toBe(0);
    expect(racer(client.confirmed, 0).score).toBe(racer(server.sim, 0).score);
  });

  it("never corrects the player's Santa when every input is in time; the others' turns ease out", () => {
    const { client } = race({ seed: 5, seats: 4, lag: 9 });
    expect(client.largestCorrection).toBe(0);
    // Each other Santa is predicted with its last input: a turn is corrected, drawn smoothly.
    const before = client.shown(2);
    client.fade(1000 / 60);
    const after = client.shown(2);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeLessThanOrEqual(MAX_STEP + 1e-9);
  });

  it("agrees with the server when the player's inputs come too late (the frame says what was played)", () => {
    const lost = (t: number) => (t * 7919) % 25 === 0;
    const { server, client } = race({ seed: 9, seats: 2, lag: 12, lost });
    expect(server.filled).toBeGreaterThan(10);
    expect(client.desyncs).toBe(0);
    expect(racer(client.confirmed, 0)).toEqual(racer(server.sim, 0));
    expect(client.largestCorrection).toBeGreaterThan(0);
    expect(client.largestCorrection).toBeLessThan(40);
  });

  it("counts and sets right a frame that disagrees (a frame the client could not replay)", () => {
    const server = new FakeRaceServer(4, 2);
    const log = new InputLog(server.sim.ticks);
    const client = new Prediction(
      publicState(server.sim, LEAD),
      { ticks: server.sim.ticks, orientation: "landscape", seat: 1, seats: 2, rulesVersion: 2 },
      log,
    );
    server.play(30, (seat) => (seat === 0 ? [100, 0] : [0, 100]));
    const frame = server.frame(30);
    // The first 10 ticks' inputs are missing from it (as if a frame was lost).
    const cut = {
      ...frame,
      inputs: frame.inputs?.map((runs) => {
        const rest: InputRuns = [];
        for (const [dx, dy] of unrollInputs(runs).slice(10)) appendInput(rest, dx, dy);
        return rest;
      }),
    };
    expect(frameInputTicks(cut.inputs ?? [])).toBe(20);
    client.reconcile(cut);
    expect(client.desyncs).toBeGreaterThan(0);
    expect(racer(client.confirmed, 0).x).toBe(racer(server.sim, 0).x);
    expect(racer(client.confirmed, 1).y).toBe(racer(server.sim, 1).y);
  });

  it("draws the player's seat as the Santa (seatView): its place, look and score", () => {
    const { server } = race({ seed: 3, seats: 3, lag: 3 });
    const view = seatView(server.sim, 2);
    const r = racer(server.sim, 2);
    expect(view.santa.x).toBe(r.x);
    expect(view.score).toBe(r.score);
    expect(view.santa.look).toBe(r.look);
    expect(seatView(server.sim, 0)).toBe(server.sim);
    expect(r.x / SUBUNITS).toBeGreaterThan(0);
  });
});
