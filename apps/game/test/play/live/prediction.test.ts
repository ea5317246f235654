import type { FrameMessage, Reveal } from "@gift-grab/contracts";
import {
  createRound,
  publicState,
  type RoundState,
  revealTick,
  SUBUNITS,
  spawnsOf,
  stepTick,
} from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { InputLog } from "../../../src/net/live/input-log";
import { giftKnown, HIDDEN, MAX_STEP, Prediction } from "../../../src/play/live/prediction";

const LEAD = 15;

/**
 * The server's side of a live round, as rounds/live/round.ts plays it: ticks played with the
 * input received for them or the last one again, reveals in the frame of the loop that
 * played them, power-up times a lead before they appear.
 */
class FakeServer {
  readonly sim: RoundState;
  private lastDx = 0;
  private lastDy = 0;
  ackTick = 0;
  filled = 0;
  private reveals: Reveal[] = [];
  private timeRevealed = new Set<number>();
  readonly gifts = new Map<number, { x: number; y: number }>();

  constructor(seed: number, durationMs: number) {
    // What the server plays now: rules version 2 (each spawn drawn a lead before it appears).
    this.sim = createRound({ seed, durationMs, version: 2 });
  }

  play(upTo: number, received: (tick: number) => [number, number] | null): void {
    while (this.sim.tick < upTo && !this.sim.over) {
      const t = this.sim.tick + 1;
      const got = received(t);
      if (got) {
        [this.lastDx, this.lastDy] = got;
        this.ackTick = t;
      } else this.filled += 1;
      const events = stepTick(this.sim, this.lastDx, this.lastDy);
      spawnsOf(events, this.reveals);
      this.gifts.set(t, { ...this.sim.gift });
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
    const reveals = this.reveals;
    this.reveals = [];
    return {
      tick: s.tick,
      seats: [
        { ackTick: this.ackTick, filled: this.filled, score: s.score, x: s.santa.x, y: s.santa.y },
      ],
      reveals,
    };
  }
}

/** A player steering at the gift it sees (none while it is hidden: keeps going). */
function steer(s: RoundState, last: [number, number]): [number, number] {
  if (!giftKnown(s)) return last;
  const x = s.gift.x - s.santa.x;
  const y = s.gift.y - s.santa.y;
  const len = Math.sqrt(x * x + y * y);
  return len === 0 ? [0, 0] : [Math.round((100 * x) / len), Math.round((100 * y) / len)];
}

/**
 * Plays a round: the client predicts each tick at once; the server plays `lag` ticks behind
 * with the inputs that reached it (`lost(t)`: the input for t never did) and sends a frame
 * every 6 ticks, reaching the client `lag` ticks later.
 */
function playRound(options: { seed: number; lag: number; lost?: (tick: number) => boolean }) {
  const server = new FakeServer(options.seed, 20_000);
  const ticks = server.sim.ticks;
  const log = new InputLog(ticks);
  const client = new Prediction(
    publicState(server.sim, LEAD),
    { ticks, orientation: "landscape", seat: 0, seats: 1, rulesVersion: 2 },
    log,
  );
  const inFlight: { at: number; frame: FrameMessage }[] = [];
  let input: [number, number] = [0, 0];
  const shownGifts: { tick: number; x: number; y: number }[] = [];
  let comingShown = 0;
  for (let t = 1; t <= ticks + options.lag * 2 + 12; t++) {
    if (t <= ticks) {
      input = steer(client.predicted, input);
      log.record(t, input[0], input[1]);
      client.step(input[0], input[1]);
    }
    const serverTick = Math.min(ticks, t - options.lag);
    server.play(serverTick, (tick) => (options.lost?.(tick) ? null : log.at(tick)));
    if (t % 6 === 0) inFlight.push({ at: t + options.lag, frame: server.frame(serverTick) });
    client.fade(1000 / 60);
    while (inFlight[0] && inFlight[0].at <= t) {
      client.reconcile((inFlight.shift() as { frame: FrameMessage }).frame);
      const g = client.predicted.gift;
      if (g.x !== HIDDEN) shownGifts.push({ tick: client.predicted.tick, x: g.x, y: g.y });
      if (g.x !== HIDDEN && client.predicted.tick < client.predicted.giftAt) comingShown += 1;
    }
  }
  return { server, client, shownGifts, comingShown };
}

describe("prediction and reconciliation", () => {
  it("with every input in time, never corrects and ends on the server's score", () => {
    const { server, client } = playRound({ seed: 11, lag: 9 });
    expect(server.sim.over).toBe(true);
    expect(server.sim.score).toBeGreaterThan(3);
    expect(client.confirmed.score).toBe(server.sim.score);
    expect(client.confirmed.santa).toEqual(server.sim.santa);
    expect(client.largestCorrection).toBe(0);
    expect(client.largestFill).toBe(0);
  });

  it("shows only gifts the server placed, never the placeholder RNG's", () => {
    const { server, shownGifts } = playRound({ seed: 5, lag: 9 });
    expect(shownGifts.length).toBeGreaterThan(0);
    const placed = new Set([...server.gifts.values()].map((g) => `${g.x},${g.y}`));
    const start = createRound({ seed: 5, durationMs: 20_000, version: 2 }).gift;
    placed.add(`${start.x},${start.y}`);
    for (const g of shownGifts) expect(placed.has(`${g.x},${g.y}`)).toBe(true);
  });

  it("shows each revealed spawn from its tick on, where it lands before; counts reveals that came late", () => {
    // A frame reaches the client 2 × lag + up to 5 ticks after the client played its grab:
    // at lag 9 (300 ms RTT) that is 18–23 ticks, inside the lead (24); at lag 15 it is not.
    const onTime = playRound({ seed: 11, lag: 9 });
    expect(onTime.client.giftReveals).toBeGreaterThan(3);
    expect(onTime.client.lateGiftReveals).toBe(0);
    expect(onTime.client.powerUpReveals).toBe(2);
    expect(onTime.client.latePowerUpReveals).toBe(0);
    expect(onTime.client.revealMargin?.least).toBeGreaterThan(0);
    // Every gift shown was on the field (at or past its tick) or shown as coming.
    expect(onTime.comingShown).toBeGreaterThan(0);
    const late = playRound({ seed: 11, lag: 15 });
    expect(late.client.lateGiftReveals).toBeGreaterThan(0);
    expect(late.client.lateGiftReveals).toBeLessThanOrEqual(late.client.giftReveals);
    // Late for the network's delay: the server had every input it played them with.
    expect(late.client.lateWithoutInput).toBe(0);
    // With every input lost the server plays on the last one: reveals late for that are told apart.
    const lost = playRound({ seed: 11, lag: 15, lost: (t) => t % 60 > 20 });
    expect(lost.client.lateWithoutInput).toBeGreaterThan(0);
    // Late or not, the confirmed round is the server's.
    expect(late.client.confirmed.score).toBe(late.server.sim.score);
  });

  it("takes power-ups only where the server revealed them", () => {
    // Several seeds: some rounds take a power-up, and a confirmed state agrees with the server.
    for (const seed of [1, 2, 3, 4]) {
      const { server, client } = playRound({ seed, lag: 9 });
      expect(client.confirmed.powerUpsUsed).toBe(server.sim.powerUpsUsed);
      client.confirmed.powerUps.forEach((p, i) => {
        expect(p.state).toBe(server.sim.powerUps[i]?.state);
      });
    }
  });

  it("reconciles to the server when inputs come too late: corrections stay small and fade", () => {
    // About 1 in 25 ticks' input never reaches the server: it plays the last input there.
    const lost = (t: number) => (t * 7919) % 25 === 0;
    const { server, client } = playRound({ seed: 9, lag: 12, lost });
    expect(server.filled).toBeGreaterThan(10);
    expect(client.confirmed.santa).toEqual(server.sim.santa);
    expect(client.confirmed.score).toBe(server.sim.score);
    expect(client.largestCorrection).toBeGreaterThan(0);
    // Every correction came from ticks the server filled.
    expect(client.largestFill).toBeGreaterThan(0);
    // One tick at full speed is 7 world units; a lost input changes at most a few.
    expect(client.largestCorrection).toBeLessThan(40);
    // The drawing eases the difference out rather than jumping.
    const s = client.predicted.santa;
    client.fade(0);
    const shown = client.santaShown();
    client.fade(1000);
    expect(client.santaShown()).toEqual({ x: s.x / SUBUNITS, y: s.y / SUBUNITS });
    expect(Math.abs(shown.x - s.x / SUBUNITS)).toBeLessThan(40);
    // What the player saw of the corrections: small steps, each a fraction of one, never more
    // than MAX_STEP a 60th of a second.
    expect(client.largestStep).toBeGreaterThan(0);
    expect(client.largestStep).toBeLessThan(client.largestCorrection);
    expect(client.largestStep).toBeLessThanOrEqual(MAX_STEP);
  });

  it("a rejoin's START replaces the confirmed round and replays the unconfirmed inputs", () => {
    const server = new FakeServer(3, 10_000);
    const log = new InputLog(server.sim.ticks);
    const client = new Prediction(
      publicState(server.sim, LEAD),
      { ticks: server.sim.ticks, orientation: "landscape", seat: 0, seats: 1, rulesVersion: 2 },
      log,
    );
    for (let t = 1; t <= 60; t++) {
      log.record(t, 100, 0);
      client.step(100, 0);
    }
    // The server never heard from the client: it played 40 ticks standing still.
    server.play(40, () => null);
    client.restart(publicState(server.sim, LEAD));
    expect(client.confirmed.tick).toBe(40);
    expect(client.predicted.tick).toBe(60);
    const replayed = createRound({ seed: 3, durationMs: 10_000, version: 2 });
    for (let t = 1; t <= 40; t++) stepTick(replayed, 0, 0);
    for (let t = 41; t <= 60; t++) stepTick(replayed, 100, 0);
    expect(client.predicted.santa.x).toBe(replayed.santa.x);
  });
});

describe("the drawn correction", () => {
  it("moves the drawing at most MAX_STEP a 60th of a second, however large (below a snap)", () => {
    const server = new FakeServer(2, 10_000);
    const log = new InputLog(server.sim.ticks);
    const client = new Prediction(
      publicState(server.sim, LEAD),
      { ticks: server.sim.ticks, orientation: "landscape", seat: 0, seats: 1, rulesVersion: 2 },
      log,
    );
    for (let t = 1; t <= 30; t++) {
      log.record(t, 100, 0);
      client.step(100, 0);
    }
    // The server played those ticks standing still (every input lost): 30 ticks of 7 units.
    server.play(30, () => null);
    client.reconcile(server.frame(30));
    expect(client.largestCorrection).toBeGreaterThan(150);
    const drawn: number[] = [];
    for (let f = 0; f < 60; f++) {
      const before = client.santaShown().x;
      client.fade(1000 / 60);
      drawn.push(Math.abs(client.santaShown().x - before));
    }
    expect(Math.max(...drawn)).toBeLessThanOrEqual(MAX_STEP + 1e-9);
    expect(client.santaShown().x).toBeCloseTo(client.predicted.santa.x / SUBUNITS, 0);
  });
});
