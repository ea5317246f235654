import { describe, expect, it } from "vitest";
import {
  createRng,
  createRound,
  nextInt,
  type Orientation,
  placesOf,
  playInputs,
  playRace,
  type Reveal,
  type RoundEvent,
  type RoundParams,
  type RoundState,
  racer,
  replay,
  replayRace,
  restoreState,
  saveState,
  spawnsOf,
  stateHash,
  stateNumbers,
  stepRace,
} from "../src";
import { playBot, playRaceBots } from "../src/bot";

function params(i: number, rng = createRng(0x7ace_0000 + i)): RoundParams {
  return {
    seed: nextInt(rng, 0, 0xffffffff),
    duration_ms: i < 2 ? ([30_000, 60_000][i] ?? 1000) : nextInt(rng, 1, 40_000),
    orientation: (nextInt(rng, 0, 1) ? "portrait" : "landscape") as Orientation,
  };
}

/** A race of `n` with nothing moving but the Santas: ice parked in a corner, no power-ups yet. */
function quietRace(n: number): RoundState {
  const s = createRound({ seed: 7, santas: n, durationMs: 60_000 });
  for (const ice of s.ice) Object.assign(ice, { x: ice.r, y: ice.r, vx: 0, vy: 0 });
  for (const p of s.powerUps) p.appearAtTick = s.ticks + 1;
  return s;
}

function place(s: RoundState, seat: number, x: number, y: number) {
  const body = seat === 0 ? s.santa : s.others[seat - 1];
  if (!body) throw new Error(`no seat ${seat}`);
  body.x = x;
  body.y = y;
}

const still = (n: number) => Array.from({ length: n }, () => [0, 0] as [number, number]);

describe("a race of one", () => {
  it("plays exactly as the solo round: same state, tick by tick and in one call", () => {
    for (let i = 0; i < 60; i++) {
      const p = params(i);
      const inputs = playBot(p, { seed: i, steer: [100, 0, 50, 80][i % 4] ?? 100 }).inputs;
      const solo = replay(p, inputs);
      const race = replayRace(p, 1, [inputs]);
      expect(race.hash, `run ${i}`).toBe(solo.hash);
      expect(race.santas).toEqual([
        { score: solo.score, gifts: solo.gifts, power_ups_used: solo.power_ups_used },
      ]);
    }
  });

  it("raises the same events as the solo round, each naming seat 0", () => {
    const p = params(0);
    const inputs = playBot(p, { seed: 3 }).inputs;
    const solo = createRound({ seed: p.seed, durationMs: p.duration_ms });
    const race = createRound({ seed: p.seed, durationMs: p.duration_ms });
    const soloEvents: RoundEvent[] = [];
    const raceEvents: RoundEvent[] = [];
    playInputs(solo, inputs, soloEvents);
    playRace(race, [inputs], race.ticks, raceEvents);
    const unseated = raceEvents.map((e) => {
      const { seat, ...rest } = e as RoundEvent & { seat?: number };
      if (e.type !== "end" && e.type !== "powerup_appear") expect(seat).toBe(0);
      return rest;
    });
    expect(unseated).toEqual(soloEvents);
    expect(soloEvents.some((e) => e.type === "grab")).toBe(true);
  });
});

describe("a race", () => {
  it("starts 2–4 Santas apart on the long middle line, every spawn away from all of them", () => {
    for (const n of [2, 3, 4])
      for (const orientation of ["landscape", "portrait"] as const) {
        const s = createRound({ seed: 11 * n, santas: n, orientation });
        const santas = Array.from({ length: n }, (_, i) => racer(s, i));
        expect(santas).toHaveLength(n);
        expect(new Set(santas.map((r) => `${r.x},${r.y}`)).size).toBe(n);
        const min = s.rules.minSpawnDistance;
        for (const r of santas)
          for (const m of [s.gift, ...s.ice])
            expect(Math.hypot(m.x - r.x, m.y - r.y)).toBeGreaterThanOrEqual(min);
      }
    expect(() => createRound({ seed: 1, santas: 5 })).toThrow();
    expect(() => createRound({ seed: 1, santas: 0 })).toThrow();
  });

  it("gives the gift to the nearest Santa touching it, the lowest seat between equals", () => {
    const s = quietRace(3);
    const { x, y } = s.gift;
    place(s, 0, x - 30_000, y);
    place(s, 1, x + 20_000, y);
    place(s, 2, x, y - 10_000);
    const events = stepRace(s, still(3));
    // The event says when, and where the next gift is (the live round reveals it from there).
    expect(events).toContainEqual({
      type: "grab",
      at: { x, y },
      seat: 2,
      tick: s.tick,
      next: { x: s.gift.x, y: s.gift.y },
      nextAt: s.tick,
      by: { x: racer(s, 2).x, y: racer(s, 2).y },
    });
    expect([racer(s, 0).score, racer(s, 1).score, racer(s, 2).score]).toEqual([0, 0, 1]);

    const tie = quietRace(3);
    const g = tie.gift;
    place(tie, 0, g.x + 200_000, g.y + 200_000);
    place(tie, 1, g.x - 20_000, g.y);
    place(tie, 2, g.x + 20_000, g.y);
    const tieGift = { x: g.x, y: g.y };
    expect(stepRace(tie, still(3))).toContainEqual(
      expect.objectContaining({ type: "grab", at: tieGift, seat: 1 }),
    );
    expect(racer(tie, 1).gifts).toBe(1);
    expect(racer(tie, 2).gifts).toBe(0);
    // The next gift keeps its distance from every Santa.
    for (let i = 0; i < 3; i++) {
      const r = racer(tie, i);
      expect(Math.hypot(tie.gift.x - r.x, tie.gift.y - r.y)).toBeGreaterThanOrEqual(
        tie.rules.minSpawnDistance,
      );
    }
  });

  it("freezes every Santa the ice touches, each with its own thaw and grace", () => {
    const s = quietRace(2);
    const ice = s.ice[0];
    if (!ice) throw new Error("no ice");
    Object.assign(ice, { x: 400_000, y: 300_000 });
    s.gift.x = 1_200_000;
    s.gift.y = 650_000;
    place(s, 0, 400_000 - 30_000, 300_000);
    place(s, 1, 400_000 + 30_000, 300_000);
    const events = stepRace(s, still(2));
    expect(events.filter((e) => e.type === "freeze")).toEqual([
      { type: "freeze", seat: 0 },
      { type: "freeze", seat: 1 },
    ]);
    expect(racer(s, 0).look).toBe("frozen");
    expect(racer(s, 1).frozenUntil).toBe(1 + s.rules.freezeTicks);
    // Frozen Santas don't move; the thaw comes to each.
    const thaws: RoundEvent[] = [];
    Object.assign(ice, { x: ice.r, y: ice.r });
    for (let t = 0; t < s.rules.freezeTicks; t++)
      thaws.push(
        ...stepRace(s, [
          [100, 0],
          [-100, 0],
        ]),
      );
    expect(thaws.filter((e) => e.type === "thaw")).toEqual([
      { type: "thaw", seat: 0 },
      { type: "thaw", seat: 1 },
    ]);
    expect(racer(s, 0).graceUntil).toBe(s.tick + s.rules.thawGraceTicks);
  });

  it("gives a power-up to the nearest Santa touching it, and its effect to that Santa only", () => {
    const s = quietRace(2);
    const cookie = s.powerUps.find((p) => p.kind === "cookie");
    if (!cookie) throw new Error("no cookie");
    cookie.state = "active";
    cookie.body = { x: 600_000, y: 300_000, vx: 0, vy: 0, r: s.rules.powerUpRadius };
    s.gift.x = 1_200_000;
    s.gift.y = 650_000;
    place(s, 0, 600_000 - 40_000, 300_000);
    place(s, 1, 600_000 + 20_000, 300_000);
    const events = stepRace(s, still(2));
    expect(events).toContainEqual({ type: "powerup_taken", kind: "cookie", seat: 1 });
    expect(racer(s, 1).cookieUntil).toBe(1 + s.rules.cookieTicks);
    expect(racer(s, 0).cookieUntil).toBe(0);
    expect(racer(s, 1).powerUpsUsed).toBe(1);
    // The same input moves the cookie's Santa twice as far.
    place(s, 0, 300_000, 500_000);
    place(s, 1, 300_000, 200_000);
    stepRace(s, [
      [100, 0],
      [100, 0],
    ]);
    expect(racer(s, 0).x - 300_000).toBe(s.rules.santaStep);
    expect(racer(s, 1).x - 300_000).toBe(2 * s.rules.santaStep);
  });

  it("plays the same in one call, tick by tick, or in loops of 3 with a restore between", () => {
    for (const n of [2, 4]) {
      const p = { seed: 99 + n, duration_ms: 20_000, orientation: "landscape" as const };
      const { inputs, scores } = playRaceBots(p, n, { seed: n, steer: [100, 80, 60, 100] });
      const whole = replayRace(p, n, inputs);
      expect(whole.santas.map((r) => r.score)).toEqual(scores);
      expect(scores.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);

      const s = createRound({ seed: p.seed, durationMs: p.duration_ms, santas: n });
      const perTick = inputs.map((runs) => runs.flatMap(([k, dx, dy]) => Array(k).fill([dx, dy])));
      const saved: number[] = [];
      for (let t = 0; !s.over; t += 3) {
        const loop = perTick.map((ticks) =>
          ticks.slice(t, t + 3).map(([dx, dy]) => [1, dx, dy] as [number, number, number]),
        );
        saveState(s, saved);
        playRace(s, loop, 3, null);
        const after = stateHash(s);
        restoreState(s, saved);
        for (let k = 0; k < 3 && !s.over; k++)
          playRace(
            s,
            loop.map((runs) => runs.slice(k, k + 1)),
            1,
            null,
          );
        expect(stateHash(s)).toBe(after);
      }
      expect(stateHash(s)).toBe(whole.hash);
      expect(stateNumbers(s).every(Number.isInteger)).toBe(true);
    }
  });

  it("tells every spawn's tick and place from one call of many ticks as from ticks one by one", () => {
    // The live round plays a loop's ticks in one call and reveals the spawns from the events.
    for (const n of [1, 2, 4]) {
      const p = { seed: 404 + n, duration_ms: 25_000, orientation: "portrait" as const };
      const { inputs } = playRaceBots(p, n, { seed: n, steer: [100, 90, 70, 100] });
      const perTick = inputs.map((runs) => runs.flatMap(([k, dx, dy]) => Array(k).fill([dx, dy])));
      const play = (chunk: number) => {
        const s = createRound({
          seed: p.seed,
          durationMs: p.duration_ms,
          orientation: p.orientation,
          santas: n,
        });
        const events: RoundEvent[] = [];
        for (let t = 0; !s.over; t += chunk) {
          const loop = perTick.map((ticks) =>
            ticks.slice(t, t + chunk).map(([dx, dy]) => [1, dx, dy] as [number, number, number]),
          );
          if (n === 1) playInputs(s, loop[0] ?? [], events);
          else playRace(s, loop, chunk, events);
        }
        const reveals: Reveal[] = [];
        spawnsOf(events, reveals);
        return { events, reveals };
      };
      const one = play(1);
      expect(play(3)).toEqual(one);
      expect(play(30)).toEqual(one);
      expect(one.reveals.filter((r) => r.type === "gift").length).toBeGreaterThan(5);
      expect(one.reveals.filter((r) => r.type === "power_up")).toHaveLength(2);
    }
  });

  it("stands a seat still when its inputs run short, and keeps playInputs to solo rounds", () => {
    const p = { seed: 5, duration_ms: 5_000, orientation: "landscape" as const };
    const short = replayRace(p, 2, [[[10, 100, 0]], []]);
    const start = createRound({ seed: 5, durationMs: 5_000, santas: 2 });
    expect(short.state.over).toBe(true);
    expect(racer(short.state, 1).x).toBe(racer(start, 1).x);
    expect(racer(short.state, 0).x).not.toBe(racer(start, 0).x);
    expect(() => playInputs(start, [[1, 0, 0]], null)).toThrow(/playRace/);
  });

  it("differs with the Santa count and any seat's inputs (the hash covers every Santa)", () => {
    const p = { seed: 8, duration_ms: 3_000, orientation: "portrait" as const };
    const a = replayRace(p, 2, [[[10, 100, 0]], [[10, 0, 100]]]).hash;
    expect(replayRace(p, 2, [[[10, 100, 0]], [[10, 0, 70]]]).hash).not.toBe(a);
    expect(replayRace(p, 3, [[[10, 100, 0]], [[10, 0, 100]]]).hash).not.toBe(a);
  });
});

describe("places", () => {
  it("orders Santas by score, equal scores sharing a place", () => {
    expect(placesOf([3, 9, 3, 1])).toEqual([2, 1, 2, 4]);
    expect(placesOf([5, 5])).toEqual([1, 1]);
    expect(placesOf([0, 2, 4, 6])).toEqual([4, 3, 2, 1]);
  });
});
