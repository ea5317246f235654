import { describe, expect, it } from "vitest";
import {
  bounce,
  cookieLeftMs,
  createRng,
  createRound,
  fieldFor,
  flameLeftMs,
  GameRules,
  nextInt,
  nextU32,
  type RoundEvent,
  type RoundState,
  SUBUNITS,
  spawnPoint,
  stateNumbers,
  stepTick,
  timeLeftMs,
} from "../src";

const U = SUBUNITS;
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);

function run(s: RoundState, ticks: number, dx = 0, dy = 0): RoundEvent[] {
  const events: RoundEvent[] = [];
  for (let i = 0; i < ticks; i++) events.push(...stepTick(s, dx, dy));
  return events;
}

/** Parks the ice far from Santa so a test controls when it touches him. */
function parkIce(s: RoundState) {
  for (const ice of s.ice) Object.assign(ice, { x: ice.r + 1, y: ice.r + 1, vx: 0, vy: 0 });
  s.santa.x = s.field.width - s.santa.r;
  s.santa.y = s.field.height - s.santa.r;
}

/** Places the gift far away so it isn't grabbed by accident. */
function parkGift(s: RoundState) {
  s.gift.x = s.field.width / 2;
  s.gift.y = s.gift.r;
}

describe("the integer RNG", () => {
  it("repeats for a seed, differs between seeds, stays in range", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => nextU32(a));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => nextU32(b)));
    expect(nextU32(createRng(43))).not.toBe(xs[0]);
    for (const x of xs) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    const r = createRng(7);
    const ints = Array.from({ length: 2000 }, () => nextInt(r, -3, 3));
    expect(new Set(ints)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
  });

  it("keeps mulberry32's sequence (a change here changes every replay)", () => {
    const r = createRng(1);
    expect([nextU32(r), nextU32(r), nextU32(r)]).toEqual([2693262067, 11749833, 2265367787]);
  });
});

describe("a round's rules", () => {
  it("is deterministic for a seed, and differs between seeds", () => {
    const play = (seed: number) => {
      const s = createRound({ seed });
      const log: RoundEvent[] = [];
      for (let i = 0; i < 600; i++)
        log.push(...stepTick(s, (i % 201) - 100, ((i * 7) % 201) - 100));
      return { numbers: stateNumbers(s), log };
    };
    expect(play(42)).toEqual(play(42));
    expect(play(42).numbers).not.toEqual(play(43).numbers);
  });

  it("keeps every number of the state an integer", () => {
    const s = createRound({ seed: 9, orientation: "portrait" });
    for (let i = 0; !s.over; i++) stepTick(s, ((i * 13) % 201) - 100, ((i * 29) % 201) - 100);
    for (const v of stateNumbers(s)) expect(Number.isInteger(v)).toBe(true);
  });

  it("starts Santa in the middle with gifts and ice at least minSpawnDistance away", () => {
    for (let seed = 1; seed < 50; seed++) {
      const s = createRound({ seed });
      expect(s.santa).toMatchObject({ x: s.field.width / 2, y: s.field.height / 2 });
      expect(dist(s.gift, s.santa)).toBeGreaterThanOrEqual(GameRules.gift.minSpawnDistance * U);
      expect(s.ice).toHaveLength(GameRules.ice.count);
      for (const ice of s.ice)
        expect(dist(ice, s.santa)).toBeGreaterThanOrEqual(GameRules.gift.minSpawnDistance * U);
    }
  });

  it("spawns inside the field, never closer than the minimum distance when there is room", () => {
    const rng = createRng(7);
    const field = fieldFor("landscape");
    const r = 28 * U;
    for (let i = 0; i < 500; i++) {
      const avoid = { x: nextInt(rng, 0, field.width), y: nextInt(rng, 0, field.height) };
      const p = spawnPoint(rng, field, r, avoid, 220 * U);
      expect(p.x).toBeGreaterThanOrEqual(r);
      expect(p.x).toBeLessThanOrEqual(field.width - r);
      expect(p.y).toBeGreaterThanOrEqual(r);
      expect(p.y).toBeLessThanOrEqual(field.height - r);
      expect(dist(p, avoid)).toBeGreaterThanOrEqual(220 * U);
    }
  });

  it("moves Santa at the rules' speed, caps diagonals at full speed, keeps him inside", () => {
    const s = createRound({ seed: 1 });
    parkIce(s);
    s.santa.x = 400 * U;
    s.santa.y = 300 * U;
    parkGift(s);
    run(s, 60, 100, 0);
    expect(s.santa.x).toBe((400 + GameRules.santa.speed) * U);
    expect(s.santa.look).toBe("right");
    const before = { x: s.santa.x, y: s.santa.y };
    run(s, 6, -100, 100);
    expect(dist(before, s.santa) / U).toBeCloseTo(GameRules.santa.speed * 0.1, 0);
    expect(s.santa.look).toBe("left");
    const half = { x: s.santa.x, y: s.santa.y };
    run(s, 6, 50, 0);
    expect((s.santa.x - half.x) / U).toBeCloseTo(GameRules.santa.speed * 0.05, 5);
    run(s, 600, 100, 100);
    expect(s.santa.x).toBe(s.field.width - s.santa.r);
    expect(s.santa.y).toBe(s.field.height - s.santa.r);
    run(s, 6);
    expect(s.santa.look).toBe("idle");
  });

  it("reads only integer inputs within ±100 (anything else is clamped, NaN is still)", () => {
    const a = createRound({ seed: 2 });
    const b = createRound({ seed: 2 });
    parkIce(a);
    parkIce(b);
    a.santa.x = b.santa.x = 400 * U;
    stepTick(a, 5000, 0.9);
    stepTick(b, 100, 0);
    expect(a.santa).toEqual(b.santa);
    stepTick(a, Number.NaN, Number.NaN);
    stepTick(b, 0, 0);
    expect(stateNumbers(a)).toEqual(stateNumbers(b));
  });

  it("scores a grab, respawns the gift at once away from Santa", () => {
    const s = createRound({ seed: 3 });
    parkIce(s);
    s.gift.x = s.santa.x - 60 * U;
    s.gift.y = s.santa.y;
    const events = stepTick(s, 0, 0);
    expect(events).toContainEqual({
      type: "grab",
      at: expect.any(Object),
      tick: s.tick,
      next: { x: s.gift.x, y: s.gift.y },
      nextAt: s.tick,
      by: { x: s.santa.x, y: s.santa.y },
    });
    expect(s.score).toBe(1);
    expect(s.gifts).toBe(1);
    expect(dist(s.gift, s.santa)).toBeGreaterThanOrEqual(GameRules.gift.minSpawnDistance * U);
  });

  it("freezes Santa for freezeMs on ice, then lets him move again", () => {
    const s = createRound({ seed: 4 });
    parkIce(s);
    parkGift(s);
    const ice = s.ice[0];
    if (!ice) throw new Error("no ice");
    Object.assign(ice, { x: s.santa.x - 40 * U, y: s.santa.y });
    expect(stepTick(s, 0, 0)).toContainEqual({ type: "freeze" });
    expect(s.tick < s.santa.frozenUntil).toBe(true);
    expect(s.santa.look).toBe("frozen");
    Object.assign(ice, { x: ice.r + 1, y: ice.r + 1 });
    const at = { x: s.santa.x, y: s.santa.y };
    run(s, (GameRules.ice.freezeMs * 60) / 1000 - 6, -100, 0);
    expect({ x: s.santa.x, y: s.santa.y }).toEqual(at);
    const events = run(s, 12, -100, 0);
    expect(events).toContainEqual({ type: "thaw" });
    expect(s.santa.x).toBeLessThan(at.x);
  });

  it("flame makes ice harmless for flameMs and shows a countdown", () => {
    const s = createRound({ seed: 5 });
    parkIce(s);
    parkGift(s);
    const flame = s.powerUps.find((p) => p.kind === "flame");
    if (!flame) throw new Error("no flame");
    s.tick = flame.appearAtTick - 1;
    stepTick(s, 0, 0);
    expect(flame.state).toBe("active");
    Object.assign(flame.body, { x: s.santa.x, y: s.santa.y, vx: 0, vy: 0 });
    expect(stepTick(s, 0, 0)).toContainEqual({ type: "powerup_taken", kind: "flame" });
    expect(s.powerUpsUsed).toBe(1);
    expect(flameLeftMs(s)).toBe(GameRules.powerUps.flameMs);
    const ice = s.ice[0];
    if (!ice) throw new Error("no ice");
    Object.assign(ice, { x: s.santa.x, y: s.santa.y, vx: 0, vy: 0 });
    expect(run(s, 60)).not.toContainEqual({ type: "freeze" });
    expect(s.tick < s.santa.frozenUntil).toBe(false);
    run(s, (GameRules.powerUps.flameMs * 60) / 1000);
    expect(flameLeftMs(s)).toBe(0);
  });

  it("cookie doubles Santa's speed for cookieMs", () => {
    const s = createRound({ seed: 6 });
    parkIce(s);
    parkGift(s);
    s.santa.x = 300 * U;
    s.santa.y = 300 * U;
    s.cookieUntil = s.tick + (GameRules.powerUps.cookieMs * 60) / 1000;
    run(s, 6, 100, 0);
    expect(s.santa.x).toBe(
      (300 + GameRules.santa.speed * GameRules.powerUps.cookieSpeedMultiplier * 0.1) * U,
    );
    expect(cookieLeftMs(s)).toBe(GameRules.powerUps.cookieMs - 100);
  });

  it("ends a power-up's time with the round: none left once it is over", () => {
    const s = createRound({ seed: 6, durationMs: 1000 });
    s.tick = s.ticks - 60;
    s.flameUntil = s.tick + 300;
    s.cookieUntil = s.tick + 30;
    expect(flameLeftMs(s)).toBe(1000);
    expect(cookieLeftMs(s)).toBe(500);
    run(s, 60);
    expect(s.over).toBe(true);
    expect([flameLeftMs(s), cookieLeftMs(s)]).toEqual([0, 0]);
  });

  it("brings each power-up once, inside the spawn window, and bounces it", () => {
    for (let seed = 1; seed < 30; seed++) {
      const s = createRound({ seed });
      const [lo, hi] = GameRules.powerUps.spawnWindowMs;
      for (const p of s.powerUps) {
        expect(p.appearAtTick).toBeGreaterThanOrEqual((lo * 60) / 1000);
        expect(p.appearAtTick).toBeLessThanOrEqual((hi * 60) / 1000);
      }
      const appeared: string[] = [];
      while (!s.over)
        for (const e of stepTick(s, 0, 0)) if (e.type === "powerup_appear") appeared.push(e.kind);
      expect(appeared.sort()).toEqual(["cookie", "flame"]);
    }
  });

  it("bounces movers off the edges, staying inside", () => {
    const field = { width: 200, height: 100 };
    const m = { x: 185, y: 50, vx: 20, vy: 0, r: 10 };
    bounce(m, field);
    expect(m).toMatchObject({ x: 175, vx: -20 });
    const n = { x: 50, y: 15, vx: 0, vy: -10, r: 10 };
    bounce(n, field);
    expect(n).toMatchObject({ y: 15, vy: 10 });
  });

  it("ends exactly at the round's duration in ticks, once, and then stands still", () => {
    const s = createRound({ seed: 8, durationMs: 2_000 });
    parkIce(s);
    const events = run(s, 150, 100, 0);
    expect(events.filter((e) => e.type === "end")).toHaveLength(1);
    expect(s.over).toBe(true);
    expect(s.tick).toBe(120);
    expect(timeLeftMs(s)).toBe(0);
    const at = { ...s.santa };
    stepTick(s, 100, 0);
    expect(s.santa.x).toBe(at.x);
  });

  it("turns the field portrait on tall screens without changing its area", () => {
    expect(fieldFor("portrait")).toEqual({
      width: GameRules.world.height * U,
      height: GameRules.world.width * U,
    });
  });
});
