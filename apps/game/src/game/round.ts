import { GameRules } from "@gift-grab/contracts";
import { createRng, type Rng } from "./rng";

/**
 * One round's rules, with no rendering: the scene feeds `stepRound` the elapsed time and the
 * player's input, and draws the state. Deterministic for a given seed and input sequence.
 */
export type Rules = typeof GameRules;

export interface Vec {
  x: number;
  y: number;
}

export interface Mover extends Vec {
  vx: number;
  vy: number;
  r: number;
}

export type PowerUpKind = "flame" | "cookie";
export type SantaLook = "idle" | "left" | "right" | "frozen";

export interface PowerUp {
  kind: PowerUpKind;
  appearAtMs: number;
  state: "waiting" | "active" | "taken";
  body: Mover;
}

export interface Field {
  width: number;
  height: number;
}

export interface RoundState {
  rules: Rules;
  rng: Rng;
  field: Field;
  durationMs: number;
  timeMs: number;
  over: boolean;
  score: number;
  gifts: number;
  powerUpsUsed: number;
  santa: Vec & { r: number; look: SantaLook; frozenUntilMs: number; graceUntilMs: number };
  gift: Vec & { r: number };
  ice: Mover[];
  powerUps: PowerUp[];
  flameUntilMs: number;
  cookieUntilMs: number;
}

export type RoundEvent =
  | { type: "grab"; at: Vec }
  | { type: "freeze" }
  | { type: "thaw" }
  | { type: "powerup_appear"; kind: PowerUpKind }
  | { type: "powerup_taken"; kind: PowerUpKind }
  | { type: "end" };

/** Direction of intended movement; length 0..1 (a joystick may push less than fully). */
export type MoveInput = Vec;

export interface RoundOptions {
  seed: number;
  durationMs?: number;
  field?: Field;
  rules?: Rules;
}

/** Landscape rules field, or the same field turned portrait for tall screens. */
export function fieldFor(rules: Rules, portrait: boolean): Field {
  const { width, height } = rules.world;
  return portrait ? { width: height, height: width } : { width, height };
}

function distance(a: Vec, b: Vec): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** A random point inside the field (r from the edges), at least `minDist` from `avoid`. */
export function spawnPoint(rng: Rng, field: Field, r: number, avoid: Vec, minDist: number): Vec {
  let best: Vec = { x: r, y: r };
  let bestDist = -1;
  for (let i = 0; i < 40; i++) {
    const p = { x: rng.range(r, field.width - r), y: rng.range(r, field.height - r) };
    const d = distance(p, avoid);
    if (d >= minDist) return p;
    if (d > bestDist) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}

function mover(
  rng: Rng,
  field: Field,
  r: number,
  speed: number,
  avoid: Vec,
  minDist: number,
): Mover {
  const p = spawnPoint(rng, field, r, avoid, minDist);
  const a = rng.angle();
  return { ...p, r, vx: Math.cos(a) * speed, vy: Math.sin(a) * speed };
}

export function createRound(options: RoundOptions): RoundState {
  const rules = options.rules ?? GameRules;
  const field = options.field ?? fieldFor(rules, false);
  const durationMs = options.durationMs ?? rules.roundDurationMs;
  const rng = createRng(options.seed);
  const santa = {
    x: field.width / 2,
    y: field.height / 2,
    r: rules.santa.radius,
    look: "idle" as SantaLook,
    frozenUntilMs: 0,
    graceUntilMs: 0,
  };
  const gift = {
    ...spawnPoint(rng, field, rules.gift.radius, santa, rules.gift.minSpawnDistance),
    r: rules.gift.radius,
  };
  const ice = Array.from({ length: rules.ice.count }, () =>
    mover(rng, field, rules.ice.radius, rules.ice.speed, santa, rules.gift.minSpawnDistance),
  );
  const [w0, w1] = rules.powerUps.spawnWindowMs;
  const windowEnd = Math.min(w1, durationMs * 0.75);
  const windowStart = Math.min(w0, windowEnd);
  const powerUps = (["flame", "cookie"] as const).map((kind) => ({
    kind,
    appearAtMs: rng.range(windowStart, windowEnd),
    state: "waiting" as const,
    body: { x: 0, y: 0, vx: 0, vy: 0, r: rules.powerUps.radius },
  }));
  return {
    rules,
    rng,
    field,
    durationMs,
    timeMs: 0,
    over: false,
    score: 0,
    gifts: 0,
    powerUpsUsed: 0,
    santa,
    gift,
    ice,
    powerUps,
    flameUntilMs: 0,
    cookieUntilMs: 0,
  };
}

/** Moves a body in a straight line, bouncing off the field's edges. */
export function bounce(m: Mover, field: Field, dtMs: number): void {
  const dt = dtMs / 1000;
  m.x += m.vx * dt;
  m.y += m.vy * dt;
  if (m.x < m.r) {
    m.x = m.r + (m.r - m.x);
    m.vx = Math.abs(m.vx);
  } else if (m.x > field.width - m.r) {
    m.x = field.width - m.r - (m.x - (field.width - m.r));
    m.vx = -Math.abs(m.vx);
  }
  if (m.y < m.r) {
    m.y = m.r + (m.r - m.y);
    m.vy = Math.abs(m.vy);
  } else if (m.y > field.height - m.r) {
    m.y = field.height - m.r - (m.y - (field.height - m.r));
    m.vy = -Math.abs(m.vy);
  }
  m.x = Math.min(field.width - m.r, Math.max(m.r, m.x));
  m.y = Math.min(field.height - m.r, Math.max(m.r, m.y));
}

function touches(a: Vec & { r: number }, b: Vec & { r: number }): boolean {
  return distance(a, b) < a.r + b.r;
}

export function santaSpeed(s: RoundState): number {
  const cookie = s.timeMs < s.cookieUntilMs ? s.rules.powerUps.cookieSpeedMultiplier : 1;
  return s.rules.santa.speed * cookie;
}

export function isFrozen(s: RoundState): boolean {
  return s.timeMs < s.santa.frozenUntilMs;
}

export function flameLeftMs(s: RoundState): number {
  return Math.max(0, s.flameUntilMs - s.timeMs);
}

export function cookieLeftMs(s: RoundState): number {
  return Math.max(0, s.cookieUntilMs - s.timeMs);
}

export function timeLeftMs(s: RoundState): number {
  return Math.max(0, s.durationMs - s.timeMs);
}

/** Advances the round by dtMs of game time. Large steps are split so nothing tunnels. */
export function stepRound(s: RoundState, dtMs: number, input: MoveInput): RoundEvent[] {
  const events: RoundEvent[] = [];
  let left = Math.max(0, dtMs);
  while (left > 0 && !s.over) {
    const dt = Math.min(left, 16);
    left -= dt;
    subStep(s, dt, input, events);
  }
  return events;
}

function subStep(s: RoundState, dt: number, input: MoveInput, events: RoundEvent[]): void {
  const dtClamped = Math.min(dt, s.durationMs - s.timeMs);
  const wasFrozen = isFrozen(s);
  s.timeMs += dtClamped;
  const { santa, field, rules } = s;

  if (wasFrozen && !isFrozen(s)) {
    santa.graceUntilMs = s.timeMs + rules.ice.thawGraceMs;
    events.push({ type: "thaw" });
  }

  // Santa
  if (isFrozen(s)) {
    santa.look = "frozen";
  } else {
    const len = Math.hypot(input.x, input.y);
    const k = len > 1 ? 1 / len : 1;
    const v = santaSpeed(s) * (dtClamped / 1000);
    santa.x = Math.min(field.width - santa.r, Math.max(santa.r, santa.x + input.x * k * v));
    santa.y = Math.min(field.height - santa.r, Math.max(santa.r, santa.y + input.y * k * v));
    santa.look = input.x < -0.05 ? "left" : input.x > 0.05 ? "right" : "idle";
  }

  // Movers
  for (const ice of s.ice) bounce(ice, field, dtClamped);
  for (const p of s.powerUps) {
    if (p.state === "waiting" && s.timeMs >= p.appearAtMs) {
      p.state = "active";
      p.body = mover(
        s.rng,
        field,
        rules.powerUps.radius,
        rules.powerUps.speed,
        santa,
        rules.gift.minSpawnDistance,
      );
      events.push({ type: "powerup_appear", kind: p.kind });
    } else if (p.state === "active") {
      bounce(p.body, field, dtClamped);
    }
  }

  // Gift
  if (touches(santa, s.gift)) {
    const at = { x: s.gift.x, y: s.gift.y };
    s.score += 1;
    s.gifts += 1;
    Object.assign(s.gift, spawnPoint(s.rng, field, s.gift.r, santa, rules.gift.minSpawnDistance));
    events.push({ type: "grab", at });
  }

  // Power-ups
  for (const p of s.powerUps) {
    if (p.state !== "active" || !touches(santa, p.body)) continue;
    p.state = "taken";
    s.powerUpsUsed += 1;
    if (p.kind === "flame") s.flameUntilMs = s.timeMs + rules.powerUps.flameMs;
    else s.cookieUntilMs = s.timeMs + rules.powerUps.cookieMs;
    events.push({ type: "powerup_taken", kind: p.kind });
  }

  // Ice
  const immune = s.timeMs < s.flameUntilMs || isFrozen(s) || s.timeMs < santa.graceUntilMs;
  if (!immune && s.ice.some((ice) => touches(santa, ice))) {
    santa.frozenUntilMs = s.timeMs + rules.ice.freezeMs;
    santa.look = "frozen";
    events.push({ type: "freeze" });
  }

  if (s.timeMs >= s.durationMs) {
    s.over = true;
    events.push({ type: "end" });
  }
}
