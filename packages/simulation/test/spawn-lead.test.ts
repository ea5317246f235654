import { describe, expect, it } from "vitest";
import {
  createRng,
  createRound,
  GameRules,
  nextInt,
  type Orientation,
  playInputs,
  playRace,
  publicState,
  type Reveal,
  type RoundEvent,
  type RoundParams,
  type RoundState,
  RULES_VERSION,
  racer,
  replay,
  replayRace,
  restoreState,
  roundFromPublic,
  SUBUNITS,
  saveState,
  spawnLeadTicks,
  spawnsOf,
  stateHash,
  stateNumbers,
  stepRace,
  stepTick,
  ticksFor,
} from "../src";
import { playBot, playRaceBots } from "../src/bot";

const LEAD = spawnLeadTicks(2);

function params(i: number, rng = createRng(0x1ead_0000 + i)): RoundParams {
  return {
    seed: nextInt(rng, 0, 0xffffffff),
    duration_ms: i < 2 ? 30_000 : nextInt(rng, 1, 40_000),
    orientation: (nextInt(rng, 0, 1) ? "portrait" : "landscape") as Orientation,
    rules_version: 2,
  };
}

/** A version 2 round with nothing moving but Santa: ice parked in a corner, no power-ups. */
function quiet(santas = 1): RoundState {
  const s = createRound({ seed: 11, durationMs: 60_000, santas, version: 2 });
  for (const ice of s.ice) Object.assign(ice, { x: ice.r, y: ice.r, vx: 0, vy: 0 });
  for (const p of s.powerUps) p.appearAtTick = s.ticks + LEAD + 1;
  return s;
}

describe("rules version 2: every spawn drawn a lead before it appears", () => {
  it("is version 2 now, with a lead of 24 ticks (400 ms); version 1 has none", () => {
    expect(RULES_VERSION).toBe(2);
    expect(LEAD).toBe(ticksFor(GameRules.spawnLeadMs));
    expect(LEAD).toBe(24);
    expect(spawnLeadTicks(1)).toBe(0);
    expect(createRound({ seed: 1 }).spawnLead).toBe(0);
    expect(createRound({ seed: 1, version: 2 }).spawnLead).toBe(LEAD);
  });

  it("places the next gift at the grab, on the field only `lead` ticks later", () => {
    const s = quiet();
    s.gift.x = s.santa.x - 60 * SUBUNITS;
    s.gift.y = s.santa.y;
    const events = stepTick(s, 0, 0);
    const grab = events.find((e) => e.type === "grab");
    expect(grab).toEqual(
      expect.objectContaining({ tick: 1, next: { x: s.gift.x, y: s.gift.y }, nextAt: 1 + LEAD }),
    );
    expect(s.giftAt).toBe(1 + LEAD);
    expect(publicState(s, 15).gift).toEqual({ x: s.gift.x, y: s.gift.y, at: 1 + LEAD });
    // Santa standing where the coming gift lands scores nothing until it is there, then at once.
    s.santa.x = s.gift.x;
    s.santa.y = s.gift.y;
    for (let t = 2; t < 1 + LEAD; t++)
      expect(stepTick(s, 0, 0).some((e) => e.type === "grab")).toBe(false);
    expect(s.score).toBe(1);
    const on = stepTick(s, 0, 0);
    expect(s.tick).toBe(1 + LEAD);
    expect(on.some((e) => e.type === "grab")).toBe(true);
    expect(s.score).toBe(2);
  });

  it("draws a power-up `lead` ticks before its time; it can't be taken or move before then", () => {
    const s = createRound({ seed: 5, durationMs: 30_000, version: 2 });
    for (const ice of s.ice) Object.assign(ice, { x: ice.r, y: ice.r, vx: 0, vy: 0 });
    const p = s.powerUps[0];
    if (!p) throw new Error("no power-up");
    const other = s.powerUps[1];
    if (other) other.appearAtTick = s.ticks + LEAD + 1;
    const at = p.appearAtTick;
    const events: RoundEvent[] = [];
    while (s.tick < at - LEAD - 1) playInputs(s, [[1, 0, 0]], events);
    expect(p.state).toBe("waiting");
    playInputs(s, [[1, 0, 0]], events);
    const drawn = events.find((e) => e.type === "powerup_appear");
    expect(drawn).toEqual(expect.objectContaining({ tick: at - LEAD, at, index: 0 }));
    expect(p.state).toBe("coming");
    const body = { ...p.body };
    // Its time and place are public from the draw on.
    const view = publicState(s, 15).powerUps[0];
    expect(view).toEqual(expect.objectContaining({ state: "coming", appearAtTick: at }));
    expect(view?.x).toBe(body.x);
    // Santa waiting where it will appear takes it on its first tick, not before.
    s.santa.x = body.x;
    s.santa.y = body.y;
    while (s.tick < at - 1) {
      playInputs(s, [[1, 0, 0]], null);
      expect(p.state).toBe("coming");
      expect(p.body.x).toBe(body.x);
    }
    playInputs(s, [[1, 0, 0]], events);
    expect(p.state).toBe("taken");
    expect(s.powerUpsUsed).toBe(1);
  });

  it("draws a power-up due within the lead of the start at the first tick", () => {
    // A 400 ms round: 24 ticks, power-ups at tick 18 (three quarters in).
    const s = createRound({ seed: 9, durationMs: 400, version: 2 });
    for (const p of s.powerUps) expect(p.appearAtTick).toBe(18);
    const events: RoundEvent[] = [];
    playInputs(s, [[1, 0, 0]], events);
    const drawn = events.filter((e) => e.type === "powerup_appear");
    expect(drawn.map((e) => e.type === "powerup_appear" && [e.tick, e.at])).toEqual([
      [1, 18],
      [1, 18],
    ]);
    playInputs(s, [[16, 0, 0]], null);
    expect(s.powerUps.map((p) => p.state)).toEqual(["coming", "coming"]);
    playInputs(s, [[1, 0, 0]], null);
    expect(s.powerUps.map((p) => p.state === "active" || p.state === "taken")).toEqual([
      true,
      true,
    ]);
  });

  it("plays the same in one call, tick by tick, or in loops of 3 with a restore between", () => {
    for (const n of [1, 2, 4]) {
      const p = { ...params(n), duration_ms: 20_000 };
      const { inputs, scores } = playRaceBots(p, n, { seed: n, steer: [100, 80, 60, 100] });
      const whole = replayRace(p, n, inputs);
      expect(whole.santas.map((r) => r.score)).toEqual(scores);
      expect(scores.reduce((a, b) => a + b, 0)).toBeGreaterThan(8);

      const s = createRound({ ...roundOf(p), santas: n });
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

  it("tells every spawn's draw, appearance and place from one call of many ticks as tick by tick", () => {
    for (const n of [1, 2, 4]) {
      const p = { ...params(10 + n), duration_ms: 25_000 };
      const { inputs } = playRaceBots(p, n, { seed: n, steer: [100, 90, 70, 100] });
      const perTick = inputs.map((runs) => runs.flatMap(([k, dx, dy]) => Array(k).fill([dx, dy])));
      const play = (chunk: number) => {
        const s = createRound({ ...roundOf(p), santas: n });
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
      const gifts = one.reveals.filter((r) => r.type === "gift");
      expect(gifts.length).toBeGreaterThan(5);
      for (const r of one.reveals) if (r.type !== "power_up_time") expect(r.at - r.tick).toBe(LEAD);
      expect(one.reveals.filter((r) => r.type === "power_up")).toHaveLength(2);
      // No grab of a gift before it is on the field: grabs are more than `lead` apart.
      const ticks = one.events.flatMap((e) => (e.type === "grab" ? [e.tick] : []));
      for (let i = 1; i < ticks.length; i++)
        expect((ticks[i] as number) - (ticks[i - 1] as number)).toBeGreaterThanOrEqual(LEAD);
    }
  });

  it("plays a race of one exactly as the solo round", () => {
    for (let i = 0; i < 20; i++) {
      const p = params(i);
      const inputs = playBot(p, { seed: i, steer: [100, 0, 50, 80][i % 4] ?? 100 }).inputs;
      const solo = replay(p, inputs);
      const race = replayRace(p, 1, [inputs]);
      expect(race.hash, `run ${i}`).toBe(solo.hash);
      expect(race.santas[0]?.score).toBe(solo.score);
    }
  });

  it("is another game than version 1: the same inputs score and hash otherwise", () => {
    let differ = 0;
    for (let i = 0; i < 10; i++) {
      const p = params(i);
      const inputs = playBot(p, { seed: i }).inputs;
      const v2 = replay(p, inputs);
      const v1 = replay({ ...p, rules_version: 1 }, inputs);
      const none = replay({ ...p, rules_version: undefined }, inputs);
      expect(none.hash).toBe(v1.hash);
      if (v2.hash !== v1.hash) differ += 1;
      expect(replay(p, inputs).hash).toBe(v2.hash);
    }
    expect(differ).toBe(10);
  });

  it("goes on from a public state exactly as the server's round, a coming gift included", () => {
    const p = params(3);
    const { inputs } = playRaceBots(p, 2, { seed: 3 });
    const s = createRound({ ...roundOf(p), santas: 2 });
    // Up to a tick where the gift is coming.
    const perTick = inputs.map((runs) => runs.flatMap(([k, dx, dy]) => Array(k).fill([dx, dy])));
    let t = 0;
    while (s.giftAt <= s.tick || s.tick < 60) {
      stepRace(
        s,
        perTick.map((ticks) => ticks[t] ?? [0, 0]),
      );
      t += 1;
    }
    const copy = roundFromPublic(publicState(s, 15), {
      ticks: s.ticks,
      orientation: p.orientation,
      race: true,
      version: 2,
    });
    expect(copy.giftAt).toBe(s.giftAt);
    for (let k = 0; k < LEAD && s.giftAt > s.tick; k++) {
      const dirs = perTick.map((ticks) => ticks[t] ?? [0, 0]);
      t += 1;
      const a = stepRace(s, dirs).filter((e) => e.type !== "powerup_appear");
      const b = stepRace(copy, dirs).filter((e) => e.type !== "powerup_appear");
      expect(b).toEqual(a);
      expect(racer(copy, 1)).toEqual(racer(s, 1));
    }
  });
});

function roundOf(p: RoundParams) {
  return {
    seed: p.seed,
    durationMs: p.duration_ms,
    orientation: p.orientation,
    version: p.rules_version ?? 1,
  };
}
