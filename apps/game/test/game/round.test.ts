import { GameRules } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/game/rng";
import {
  bounce,
  cookieLeftMs,
  createRound,
  fieldFor,
  flameLeftMs,
  isFrozen,
  type RoundEvent,
  type RoundState,
  spawnPoint,
  stepRound,
  timeLeftMs,
} from "../../src/game/round";

const still = { x: 0, y: 0 };
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

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

describe("a round's rules", () => {
  it("is deterministic for a seed, and differs between seeds", () => {
    const run = (seed: number) => {
      const s = createRound({ seed });
      const log: RoundEvent[] = [];
      for (let i = 0; i < 200; i++)
        log.push(...stepRound(s, 50, { x: Math.sin(i / 9), y: Math.cos(i / 7) }));
      return { score: s.score, gift: { ...s.gift }, ice: s.ice.map((b) => ({ ...b })), log };
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42).ice).not.toEqual(run(43).ice);
  });

  it("starts Santa in the middle with gifts and ice at least minSpawnDistance away", () => {
    for (let seed = 1; seed < 50; seed++) {
      const s = createRound({ seed });
      expect(s.santa).toMatchObject({ x: s.field.width / 2, y: s.field.height / 2 });
      expect(dist(s.gift, s.santa)).toBeGreaterThanOrEqual(GameRules.gift.minSpawnDistance);
      expect(s.ice).toHaveLength(GameRules.ice.count);
      for (const ice of s.ice)
        expect(dist(ice, s.santa)).toBeGreaterThanOrEqual(GameRules.gift.minSpawnDistance);
    }
  });

  it("spawns inside the field, never closer than the minimum distance when there is room", () => {
    const rng = createRng(7);
    const field = fieldFor(GameRules, false);
    for (let i = 0; i < 500; i++) {
      const avoid = { x: rng.range(0, field.width), y: rng.range(0, field.height) };
      const p = spawnPoint(rng, field, 28, avoid, 220);
      expect(p.x).toBeGreaterThanOrEqual(28);
      expect(p.x).toBeLessThanOrEqual(field.width - 28);
      expect(p.y).toBeGreaterThanOrEqual(28);
      expect(p.y).toBeLessThanOrEqual(field.height - 28);
      expect(dist(p, avoid)).toBeGreaterThanOrEqual(220);
    }
  });

  it("moves Santa at the rules' speed, normalizes diagonals and keeps him inside the field", () => {
    const s = createRound({ seed: 1 });
    parkIce(s);
    s.santa.x = 400;
    s.santa.y = 300;
    parkGift(s);
    stepRound(s, 1000, { x: 1, y: 0 });
    expect(s.santa.x).toBeCloseTo(400 + GameRules.santa.speed, 5);
    expect(s.santa.look).toBe("right");
    const before = { x: s.santa.x, y: s.santa.y };
    stepRound(s, 100, { x: -1, y: 1 });
    expect(dist(before, s.santa)).toBeCloseTo(GameRules.santa.speed * 0.1, 5);
    expect(s.santa.look).toBe("left");
    stepRound(s, 10_000, { x: 1, y: 1 });
    expect(s.santa.x).toBe(s.field.width - s.santa.r);
    expect(s.santa.y).toBe(s.field.height - s.santa.r);
    stepRound(s, 100, still);
    expect(s.santa.look).toBe("idle");
  });

  it("scores a grab, respawns the gift at once away from Santa", () => {
    const s = createRound({ seed: 3 });
    parkIce(s);
    s.gift.x = s.santa.x - 60;
    s.gift.y = s.santa.y;
    const events = stepRound(s, 16, still);
    expect(events).toContainEqual({ type: "grab", at: expect.any(Object) });
    expect(s.score).toBe(1);
    expect(s.gifts).toBe(1);
    expect(dist(s.gift, s.santa)).toBeGreaterThanOrEqual(GameRules.gift.minSpawnDistance);
  });

  it("freezes Santa for freezeMs on ice, then lets him move again", () => {
    const s = createRound({ seed: 4 });
    parkIce(s);
    parkGift(s);
    const ice = s.ice[0];
    if (!ice) throw new Error("no ice");
    Object.assign(ice, { x: s.santa.x - 40, y: s.santa.y });
    expect(stepRound(s, 16, still)).toContainEqual({ type: "freeze" });
    expect(isFrozen(s)).toBe(true);
    expect(s.santa.look).toBe("frozen");
    Object.assign(ice, { x: ice.r + 1, y: ice.r + 1 });
    const at = { x: s.santa.x, y: s.santa.y };
    stepRound(s, GameRules.ice.freezeMs - 100, { x: -1, y: 0 });
    expect({ x: s.santa.x, y: s.santa.y }).toEqual(at);
    const events = stepRound(s, 200, { x: -1, y: 0 });
    expect(events).toContainEqual({ type: "thaw" });
    expect(s.santa.x).toBeLessThan(at.x);
  });

  it("flame makes ice harmless for flameMs and shows a countdown", () => {
    const s = createRound({ seed: 5 });
    parkIce(s);
    parkGift(s);
    const flame = s.powerUps.find((p) => p.kind === "flame");
    if (!flame) throw new Error("no flame");
    s.timeMs = flame.appearAtMs - 1;
    stepRound(s, 16, still);
    expect(flame.state).toBe("active");
    Object.assign(flame.body, { x: s.santa.x, y: s.santa.y, vx: 0, vy: 0 });
    expect(stepRound(s, 16, still)).toContainEqual({ type: "powerup_taken", kind: "flame" });
    expect(s.powerUpsUsed).toBe(1);
    expect(flameLeftMs(s)).toBeGreaterThan(GameRules.powerUps.flameMs - 50);
    const ice = s.ice[0];
    if (!ice) throw new Error("no ice");
    Object.assign(ice, { x: s.santa.x, y: s.santa.y });
    const events = stepRound(s, 1000, still);
    expect(events).not.toContainEqual({ type: "freeze" });
    expect(isFrozen(s)).toBe(false);
    stepRound(s, GameRules.powerUps.flameMs, still);
    expect(flameLeftMs(s)).toBe(0);
  });

  it("cookie doubles Santa's speed for cookieMs", () => {
    const s = createRound({ seed: 6 });
    parkIce(s);
    parkGift(s);
    s.santa.x = 300;
    s.santa.y = 300;
    s.cookieUntilMs = s.timeMs + GameRules.powerUps.cookieMs;
    stepRound(s, 100, { x: 1, y: 0 });
    expect(s.santa.x).toBeCloseTo(
      300 + GameRules.santa.speed * GameRules.powerUps.cookieSpeedMultiplier * 0.1,
      5,
    );
    expect(cookieLeftMs(s)).toBeCloseTo(GameRules.powerUps.cookieMs - 100, 5);
  });

  it("brings each power-up once, inside the spawn window, and bounces it", () => {
    for (let seed = 1; seed < 30; seed++) {
      const s = createRound({ seed });
      const [lo, hi] = GameRules.powerUps.spawnWindowMs;
      for (const p of s.powerUps) {
        expect(p.appearAtMs).toBeGreaterThanOrEqual(lo);
        expect(p.appearAtMs).toBeLessThanOrEqual(hi);
      }
      const appeared: string[] = [];
      for (let t = 0; t < s.durationMs; t += 100) {
        for (const e of stepRound(s, 100, still))
          if (e.type === "powerup_appear") appeared.push(e.kind);
      }
      expect(appeared.sort()).toEqual(["cookie", "flame"]);
    }
  });

  it("bounces movers off the edges, staying inside", () => {
    const field = { width: 200, height: 100 };
    const m = { x: 190, y: 50, vx: 100, vy: 0, r: 10 };
    bounce(m, field, 200);
    expect(m.vx).toBeLessThan(0);
    expect(m.x).toBeLessThanOrEqual(190);
    const n = { x: 50, y: 12, vx: 0, vy: -100, r: 10 };
    bounce(n, field, 100);
    expect(n.vy).toBeGreaterThan(0);
    expect(n.y).toBeGreaterThanOrEqual(10);
  });

  it("ends exactly at the round's duration, once, and then stands still", () => {
    const s = createRound({ seed: 8, durationMs: 2_000 });
    parkIce(s);
    const events: RoundEvent[] = [];
    for (let i = 0; i < 30; i++) events.push(...stepRound(s, 100, { x: 1, y: 0 }));
    expect(events.filter((e) => e.type === "end")).toHaveLength(1);
    expect(s.over).toBe(true);
    expect(s.timeMs).toBe(2_000);
    expect(timeLeftMs(s)).toBe(0);
    const at = { ...s.santa };
    stepRound(s, 1000, { x: 1, y: 0 });
    expect(s.santa.x).toBe(at.x);
  });

  it("turns the field portrait on tall screens without changing its area", () => {
    expect(fieldFor(GameRules, true)).toEqual({
      width: GameRules.world.height,
      height: GameRules.world.width,
    });
  });
});
