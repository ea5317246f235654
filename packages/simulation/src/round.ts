import type { Orientation } from "./params";
import { createRng, nextInt, type Rng } from "./rng";
import { GameRules, ticksFor } from "./rules";

/**
 * One round's rules and state, with no rendering, advanced one fixed tick (1000/60 ms) at a
 * time by `stepTick` with the player's input for that tick. The game plays it and the server
 * replays it, so it must reach the same bits in V8 and in Nakama's goja: every number in the
 * state is an integer (positions in SUBUNITS per world unit, times in ticks), and the only
 * operations are + − × ÷ (truncated), Math.sqrt and the integer RNG in rng.ts. No
 * Math.sin/cos/hypot/pow/random, no Date: their last bit may differ between engines.
 */
export type Rules = typeof GameRules;

/** Positions and radii are integers in 1/SUBUNITS of a world unit. */
export const SUBUNITS = 1000;
/** A tick's input is a direction (dx, dy), integers in [-INPUT_MAX, INPUT_MAX]; longer than INPUT_MAX is full speed. */
export const INPUT_MAX = 100;

export interface Vec {
  x: number;
  y: number;
}

export interface Body extends Vec {
  r: number;
}

/** A body in straight-line motion: velocity in subunits per tick. */
export interface Mover extends Body {
  vx: number;
  vy: number;
}

export type PowerUpKind = "flame" | "cookie";
export type SantaLook = "idle" | "left" | "right" | "frozen";

export interface PowerUp {
  kind: PowerUpKind;
  appearAtTick: number;
  state: "waiting" | "active" | "taken";
  body: Mover;
}

/** In subunits. */
export interface Field {
  width: number;
  height: number;
}

/** The rules as integers per tick and in subunits, computed once from `Rules`. */
export interface TickRules {
  santaRadius: number;
  santaStep: number;
  giftRadius: number;
  minSpawnDistance: number;
  iceCount: number;
  iceRadius: number;
  iceStep: number;
  freezeTicks: number;
  thawGraceTicks: number;
  powerUpRadius: number;
  powerUpStep: number;
  spawnWindowTicks: readonly [number, number];
  flameTicks: number;
  cookieTicks: number;
  cookieSpeedMultiplier: number;
}

export interface RoundState {
  rules: TickRules;
  rng: Rng;
  field: Field;
  /** Ticks played so far; the round is over at `ticks`. */
  tick: number;
  ticks: number;
  over: boolean;
  score: number;
  gifts: number;
  powerUpsUsed: number;
  santa: Body & { look: SantaLook; frozenUntil: number; graceUntil: number };
  gift: Body;
  ice: Mover[];
  powerUps: PowerUp[];
  flameUntil: number;
  cookieUntil: number;
}

export type RoundEvent =
  | { type: "grab"; at: Vec }
  | { type: "freeze" }
  | { type: "thaw" }
  | { type: "powerup_appear"; kind: PowerUpKind }
  | { type: "powerup_taken"; kind: PowerUpKind }
  | { type: "end" };

const units = (worldUnits: number) => Math.round(worldUnits * SUBUNITS);
const perTick = (unitsPerSecond: number) => Math.round((unitsPerSecond * SUBUNITS) / 60);

export function tickRules(rules: Rules = GameRules): TickRules {
  return {
    santaRadius: units(rules.santa.radius),
    santaStep: perTick(rules.santa.speed),
    giftRadius: units(rules.gift.radius),
    minSpawnDistance: units(rules.gift.minSpawnDistance),
    iceCount: rules.ice.count,
    iceRadius: units(rules.ice.radius),
    iceStep: perTick(rules.ice.speed),
    freezeTicks: ticksFor(rules.ice.freezeMs),
    thawGraceTicks: ticksFor(rules.ice.thawGraceMs),
    powerUpRadius: units(rules.powerUps.radius),
    powerUpStep: perTick(rules.powerUps.speed),
    spawnWindowTicks: [
      ticksFor(rules.powerUps.spawnWindowMs[0]),
      ticksFor(rules.powerUps.spawnWindowMs[1]),
    ],
    flameTicks: ticksFor(rules.powerUps.flameMs),
    cookieTicks: ticksFor(rules.powerUps.cookieMs),
    cookieSpeedMultiplier: rules.powerUps.cookieSpeedMultiplier,
  };
}

/** The landscape field, or the same field turned for tall screens; in subunits. */
export function fieldFor(orientation: Orientation, rules: Rules = GameRules): Field {
  const width = units(rules.world.width);
  const height = units(rules.world.height);
  return orientation === "portrait" ? { width: height, height: width } : { width, height };
}

function distanceSquared(a: Vec, b: Vec): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return dx * dx + dy * dy;
}

function touches(a: Body, b: Body): boolean {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  const reach = a.r + b.r;
  return dx * dx + dy * dy < reach * reach;
}

/** A random point inside the field (r from the edges), at least `minDist` from `avoid` when it finds one. */
export function spawnPoint(rng: Rng, field: Field, r: number, avoid: Vec, minDist: number): Vec {
  const min2 = minDist * minDist;
  let best: Vec = { x: r, y: r };
  let bestDist = -1;
  for (let i = 0; i < 40; i++) {
    const p = { x: nextInt(rng, r, field.width - r), y: nextInt(rng, r, field.height - r) };
    const d = distanceSquared(p, avoid);
    if (d >= min2) return p;
    if (d > bestDist) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}

/** A velocity of length `step` (truncated) in a random direction: a point drawn in the unit disc, scaled. */
function randomVelocity(rng: Rng, step: number): { vx: number; vy: number } {
  const R = 1000;
  for (let i = 0; i < 16; i++) {
    const ux = nextInt(rng, -R, R);
    const uy = nextInt(rng, -R, R);
    const len2 = ux * ux + uy * uy;
    if (len2 === 0 || len2 > R * R) continue;
    const len = Math.sqrt(len2);
    return { vx: Math.trunc((step * ux) / len), vy: Math.trunc((step * uy) / len) };
  }
  return { vx: step, vy: 0 };
}

function mover(
  rng: Rng,
  field: Field,
  r: number,
  step: number,
  avoid: Vec,
  minDist: number,
): Mover {
  const p = spawnPoint(rng, field, r, avoid, minDist);
  return { ...p, r, ...randomVelocity(rng, step) };
}

export interface RoundOptions {
  seed: number;
  durationMs?: number;
  orientation?: Orientation;
  rules?: Rules;
}

export function createRound(options: RoundOptions): RoundState {
  const rules = options.rules ?? GameRules;
  const k = tickRules(rules);
  const field = fieldFor(options.orientation ?? "landscape", rules);
  const ticks = Math.max(1, ticksFor(options.durationMs ?? rules.roundDurationMs));
  const rng = createRng(options.seed);
  const santa = {
    x: Math.trunc(field.width / 2),
    y: Math.trunc(field.height / 2),
    r: k.santaRadius,
    look: "idle" as SantaLook,
    frozenUntil: 0,
    graceUntil: 0,
  };
  const gift = {
    ...spawnPoint(rng, field, k.giftRadius, santa, k.minSpawnDistance),
    r: k.giftRadius,
  };
  const ice: Mover[] = [];
  for (let i = 0; i < k.iceCount; i++)
    ice.push(mover(rng, field, k.iceRadius, k.iceStep, santa, k.minSpawnDistance));
  const [w0, w1] = k.spawnWindowTicks;
  const windowEnd = Math.min(w1, Math.trunc((ticks * 3) / 4));
  const windowStart = Math.min(w0, windowEnd);
  const powerUps = (["flame", "cookie"] as const).map((kind) => ({
    kind,
    appearAtTick: nextInt(rng, windowStart, windowEnd),
    state: "waiting" as PowerUp["state"],
    body: { x: 0, y: 0, vx: 0, vy: 0, r: k.powerUpRadius },
  }));
  return {
    rules: k,
    rng,
    field,
    tick: 0,
    ticks,
    over: false,
    score: 0,
    gifts: 0,
    powerUpsUsed: 0,
    santa,
    gift,
    ice,
    powerUps,
    flameUntil: 0,
    cookieUntil: 0,
  };
}

/** Moves a body one tick in a straight line, bouncing off the field's edges. */
export function bounce(m: Mover, field: Field): void {
  // Written out with locals and comparisons: this runs every tick for every mover, and in goja
  // each property access and call (Math.abs, a helper) costs.
  const r = m.r;
  const maxX = field.width - r;
  const maxY = field.height - r;
  let x = m.x + m.vx;
  let y = m.y + m.vy;
  if (x < r) {
    x = 2 * r - x;
    if (m.vx < 0) m.vx = -m.vx;
  } else if (x > maxX) {
    x = 2 * maxX - x;
    if (m.vx > 0) m.vx = -m.vx;
  }
  if (y < r) {
    y = 2 * r - y;
    if (m.vy < 0) m.vy = -m.vy;
  } else if (y > maxY) {
    y = 2 * maxY - y;
    if (m.vy > 0) m.vy = -m.vy;
  }
  if (x < r) x = r;
  else if (x > maxX) x = maxX;
  if (y < r) y = r;
  else if (y > maxY) y = maxY;
  m.x = x;
  m.y = y;
}

/** v within [lo, hi]. */
function clamp(v: number, lo: number, hi: number): number {
  // comparisons, not Math.min/max: in goja each call costs more
  if (v < lo) return lo;
  if (v > hi) return hi;
  return v;
}

export function isFrozen(s: RoundState): boolean {
  return s.tick < s.santa.frozenUntil;
}

/** Santa's step per tick at full input, in subunits. */
export function santaStep(s: RoundState): number {
  return s.rules.santaStep * (s.tick < s.cookieUntil ? s.rules.cookieSpeedMultiplier : 1);
}

export const ticksToMs = (ticks: number) => (ticks * 1000) / 60;

export function timeMs(s: RoundState): number {
  return ticksToMs(s.tick);
}

export function timeLeftMs(s: RoundState): number {
  return ticksToMs(Math.max(0, s.ticks - s.tick));
}

export function flameLeftMs(s: RoundState): number {
  return ticksToMs(Math.max(0, s.flameUntil - s.tick));
}

export function cookieLeftMs(s: RoundState): number {
  return ticksToMs(Math.max(0, s.cookieUntil - s.tick));
}

/** An input component as the simulation reads it: an integer in [-INPUT_MAX, INPUT_MAX]. */
function clampInput(v: number): number {
  return clamp(Math.trunc(v) || 0, -INPUT_MAX, INPUT_MAX);
}

/** Advances the round one tick with the player's direction (dx, dy) for that tick. */
export function stepTick(s: RoundState, dxIn: number, dyIn: number): RoundEvent[] {
  const events: RoundEvent[] = [];
  advance(s, dxIn, dyIn, events);
  return events;
}

/** One tick; what happened goes to `events` unless it is null (a replay needs no events). */
export function advance(
  s: RoundState,
  dxIn: number,
  dyIn: number,
  events: RoundEvent[] | null,
): void {
  if (s.over) return;
  // The common case (a valid integer input) without a call.
  const dx =
    dxIn >= -INPUT_MAX && dxIn <= INPUT_MAX && (dxIn | 0) === dxIn ? dxIn : clampInput(dxIn);
  const dy =
    dyIn >= -INPUT_MAX && dyIn <= INPUT_MAX && (dyIn | 0) === dyIn ? dyIn : clampInput(dyIn);
  const { santa, field, rules } = s;
  const wasFrozen = s.tick < santa.frozenUntil;
  const tick = s.tick + 1;
  s.tick = tick;
  const frozen = tick < santa.frozenUntil;

  if (wasFrozen && !frozen) {
    santa.graceUntil = tick + rules.thawGraceTicks;
    events?.push({ type: "thaw" });
  }

  // Santa
  if (frozen) {
    santa.look = "frozen";
  } else {
    const len2 = dx * dx + dy * dy;
    if (len2 > 0) {
      const norm = len2 > INPUT_MAX * INPUT_MAX ? Math.sqrt(len2) : INPUT_MAX;
      const step =
        tick < s.cookieUntil ? rules.santaStep * rules.cookieSpeedMultiplier : rules.santaStep;
      let x = santa.x + Math.trunc((step * dx) / norm);
      let y = santa.y + Math.trunc((step * dy) / norm);
      const r = santa.r;
      const maxX = field.width - r;
      const maxY = field.height - r;
      if (x < r) x = r;
      else if (x > maxX) x = maxX;
      if (y < r) y = r;
      else if (y > maxY) y = maxY;
      santa.x = x;
      santa.y = y;
    }
    santa.look = dx < -5 ? "left" : dx > 5 ? "right" : "idle";
  }

  // Movers (indexed loops: goja runs for-of through the iterator protocol, several times slower)
  const { ice, powerUps } = s;
  for (let i = 0; i < ice.length; i++) bounce(ice[i] as Mover, field);
  for (let i = 0; i < powerUps.length; i++) {
    const p = powerUps[i] as PowerUp;
    if (p.state === "waiting" && tick >= p.appearAtTick) {
      p.state = "active";
      p.body = mover(
        s.rng,
        field,
        rules.powerUpRadius,
        rules.powerUpStep,
        santa,
        rules.minSpawnDistance,
      );
      events?.push({ type: "powerup_appear", kind: p.kind });
    } else if (p.state === "active") {
      bounce(p.body, field);
    }
  }

  // Gift
  if (touches(santa, s.gift)) {
    const at = { x: s.gift.x, y: s.gift.y };
    s.score += 1;
    s.gifts += 1;
    Object.assign(s.gift, spawnPoint(s.rng, field, s.gift.r, santa, rules.minSpawnDistance));
    events?.push({ type: "grab", at });
  }

  // Power-ups
  for (let i = 0; i < powerUps.length; i++) {
    const p = powerUps[i] as PowerUp;
    if (p.state !== "active" || !touches(santa, p.body)) continue;
    p.state = "taken";
    s.powerUpsUsed += 1;
    if (p.kind === "flame") s.flameUntil = tick + rules.flameTicks;
    else s.cookieUntil = tick + rules.cookieTicks;
    events?.push({ type: "powerup_taken", kind: p.kind });
  }

  // Ice
  const immune = tick < s.flameUntil || frozen || tick < santa.graceUntil;
  let hit = false;
  for (let i = 0; i < ice.length && !immune && !hit; i++) hit = touches(santa, ice[i] as Mover);
  if (hit) {
    santa.frozenUntil = tick + rules.freezeTicks;
    santa.look = "frozen";
    events?.push({ type: "freeze" });
  }

  if (tick >= s.ticks) {
    s.over = true;
    events?.push({ type: "end" });
  }
}
