import { INPUT_MAX } from "./inputs";
import type { Orientation, RoundParams } from "./params";
import { createRng, nextInt, type Rng } from "./rng";
import { GameRules, type RulesVersion, spawnLeadTicks, ticksFor } from "./rules";

/**
 * One round's rules and state, with no rendering, advanced one fixed tick (1000/60 ms) at a
 * time: by `stepTick` with the player's input for that tick (the game), or by `playInputs` for a
 * whole round's run-length inputs (the server's replay). The game plays it and the server
 * replays it, so it must reach the same bits in V8 and in Nakama's goja: every number in the
 * state is an integer (positions in SUBUNITS per world unit, times in ticks), and the only
 * operations are + − × ÷ (truncated), Math.sqrt and the integer RNG in rng.ts. No
 * Math.sin/cos/hypot/pow/random, no Date: their last bit may differ between engines.
 */
export type Rules = typeof GameRules;

/** Positions and radii are integers in 1/SUBUNITS of a world unit. */
export const SUBUNITS = 1000;

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

/**
 * waiting: its place not drawn yet; coming (rules version 2): drawn, on the field from
 * `appearAtTick`; active: on the field, moving; taken.
 */
export interface PowerUp {
  kind: PowerUpKind;
  appearAtTick: number;
  state: "waiting" | "coming" | "active" | "taken";
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

/**
 * A Santa of a race beyond the first: its body and everything a solo round keeps on the
 * state itself (score, power-ups), per Santa.
 */
export interface RacerState extends Body {
  look: SantaLook;
  frozenUntil: number;
  graceUntil: number;
  score: number;
  gifts: number;
  powerUpsUsed: number;
  flameUntil: number;
  cookieUntil: number;
}

/** At most this many Santas on one field (a race). */
export const MAX_SANTAS = 4;

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
  /**
   * The gift is on the field (drawn, grabbable) from this tick on: under rules version 2 a
   * grab's next gift appears `spawnLead` ticks after it; in version 1 at once.
   */
  giftAt: number;
  /** Ticks from a spawn's draw to its appearance (spawnLeadTicks of the rules version). */
  spawnLead: number;
  ice: Mover[];
  powerUps: PowerUp[];
  flameUntil: number;
  cookieUntil: number;
  /**
   * A race's Santas 1..N-1 (race.ts); empty in a solo round. Santa 0 is always `santa`,
   * `score`, `gifts`, `powerUpsUsed`, `flameUntil`, `cookieUntil`, as in a solo round, so the
   * solo state, its hash and everything that reads it are unchanged.
   */
  others: RacerState[];
}

/**
 * What happened on a tick (a race's events name the Santa, `seat`; a solo round's never do).
 * The two that draw from the RNG say when and what they drew (`tick`, the next gift and the
 * tick it appears, the power-up's body and the tick it appears; a grab also where its Santa
 * stood, `by`),
 * so a caller playing many ticks in one call learns every spawn without playing them again one
 * by one (the live round's reveals and its plausibility figures).
 */
export type RoundEvent =
  | { type: "grab"; at: Vec; seat?: number; tick: number; next: Vec; nextAt: number; by: Vec }
  | { type: "freeze"; seat?: number }
  | { type: "thaw"; seat?: number }
  | {
      type: "powerup_appear";
      kind: PowerUpKind;
      /** When its place was drawn; `at`: when it is on the field (the same in version 1). */
      tick: number;
      at: number;
      index: number;
      body: { x: number; y: number; vx: number; vy: number };
    }
  | { type: "powerup_taken"; kind: PowerUpKind; seat?: number }
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

/**
 * A random point inside the field (r from the edges), at least `minDist` from `avoid` when it
 * finds one: spawnPointAway with one Santa.
 */
export function spawnPoint(rng: Rng, field: Field, r: number, avoid: Vec, minDist: number): Vec {
  return spawnPointAway(rng, field, r, [avoid.x], [avoid.y], 1, minDist);
}

/**
 * A random point inside the field (r from the edges), at least `minDist` from every Santa
 * (positions xs[i], ys[i], i < n), else the point farthest from its nearest Santa.
 */
export function spawnPointAway(
  rng: Rng,
  field: Field,
  r: number,
  xs: readonly number[],
  ys: readonly number[],
  n: number,
  minDist: number,
): Vec {
  const min2 = minDist * minDist;
  let best: Vec = { x: r, y: r };
  let bestDist = -1;
  for (let i = 0; i < 40; i++) {
    const p = { x: nextInt(rng, r, field.width - r), y: nextInt(rng, r, field.height - r) };
    let d = Number.POSITIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      const dx = p.x - (xs[k] as number);
      const dy = p.y - (ys[k] as number);
      const dk = dx * dx + dy * dy;
      if (dk < d) d = dk;
    }
    if (d >= min2) return p;
    if (d > bestDist) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}

/** A velocity of length `step` (truncated) in a random direction: a point drawn in the unit disc, scaled. */
export function randomVelocity(rng: Rng, step: number): { vx: number; vy: number } {
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

export interface RoundOptions {
  seed: number;
  durationMs?: number;
  orientation?: Orientation;
  rules?: Rules;
  /** Santas on the field, 1 (solo, the default) to MAX_SANTAS (a race: race.ts). */
  santas?: number;
  /** The rules version (rules.ts): 1 unless said (a stored run without one is 1). */
  version?: RulesVersion;
}

/**
 * Where Santa i of n starts: evenly along the field's long middle line (one Santa: the
 * centre, as in a solo round).
 */
export function startPoint(field: Field, i: number, n: number): Vec {
  const along = (size: number) => Math.trunc((size * (2 * i + 1)) / (2 * n));
  return field.width >= field.height
    ? { x: along(field.width), y: Math.trunc(field.height / 2) }
    : { x: Math.trunc(field.width / 2), y: along(field.height) };
}

/**
 * A round's start, solo or race: the Santas along the field's middle line (startPoint), then
 * the gift, the ice and the power-up times drawn in that order, each spawn away from every
 * Santa.
 */
export function createRound(options: RoundOptions): RoundState {
  const rules = options.rules ?? GameRules;
  const k = tickRules(rules);
  const field = fieldFor(options.orientation ?? "landscape", rules);
  const ticks = Math.max(1, ticksFor(options.durationMs ?? rules.roundDurationMs));
  const rng = createRng(options.seed);
  const n = options.santas ?? 1;
  if (!(n >= 1 && n <= MAX_SANTAS && (n | 0) === n))
    throw new Error(`createRound: santas must be an integer in 1..${MAX_SANTAS}`);
  const spawnLead = spawnLeadTicks(options.version ?? 1, rules);
  const xs: number[] = [];
  const ys: number[] = [];
  const racers: RacerState[] = [];
  for (let i = 0; i < n; i++) {
    const p = startPoint(field, i, n);
    xs.push(p.x);
    ys.push(p.y);
    racers.push({
      x: p.x,
      y: p.y,
      r: k.santaRadius,
      look: "idle",
      frozenUntil: 0,
      graceUntil: 0,
      score: 0,
      gifts: 0,
      powerUpsUsed: 0,
      flameUntil: 0,
      cookieUntil: 0,
    });
  }
  const gift = {
    ...spawnPointAway(rng, field, k.giftRadius, xs, ys, n, k.minSpawnDistance),
    r: k.giftRadius,
  };
  const ice: Mover[] = [];
  for (let i = 0; i < k.iceCount; i++) {
    const p = spawnPointAway(rng, field, k.iceRadius, xs, ys, n, k.minSpawnDistance);
    ice.push({ ...p, r: k.iceRadius, ...randomVelocity(rng, k.iceStep) });
  }
  const [w0, w1] = k.spawnWindowTicks;
  const windowEnd = Math.min(w1, Math.trunc((ticks * 3) / 4));
  const windowStart = Math.min(w0, windowEnd);
  const powerUps = (["flame", "cookie"] as const).map((kind) => ({
    kind,
    appearAtTick: nextInt(rng, windowStart, windowEnd),
    state: "waiting" as PowerUp["state"],
    body: { x: 0, y: 0, vx: 0, vy: 0, r: k.powerUpRadius },
  }));
  const first = racers[0] as RacerState;
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
    santa: { x: first.x, y: first.y, r: first.r, look: "idle", frozenUntil: 0, graceUntil: 0 },
    gift,
    giftAt: 0,
    spawnLead,
    ice,
    powerUps,
    flameUntil: 0,
    cookieUntil: 0,
    others: racers.slice(1),
  };
}

/**
 * The round `params` deal (a ticket's, a stored run's or race's), for `santas` Santas; a run
 * stored before rules version 2 names no version: version 1.
 */
export function roundFor(params: RoundParams, santas = 1, rules?: Rules): RoundState {
  return createRound({
    seed: params.seed,
    durationMs: params.duration_ms,
    orientation: params.orientation,
    santas,
    version: params.rules_version ?? 1,
    ...(rules ? { rules } : {}),
  });
}

/** Santas on the field: 1 in a solo round, 2–4 in a race. */
export function santaCount(s: RoundState): number {
  return 1 + s.others.length;
}

/** Santa i's body and tallies, read from wherever the state keeps them (a fresh object). */
export function racer(s: RoundState, i: number): RacerState {
  if (i > 0) return { ...(s.others[i - 1] as RacerState) };
  const { santa } = s;
  return {
    x: santa.x,
    y: santa.y,
    r: santa.r,
    look: santa.look,
    frozenUntil: santa.frozenUntil,
    graceUntil: santa.graceUntil,
    score: s.score,
    gifts: s.gifts,
    powerUpsUsed: s.powerUpsUsed,
    flameUntil: s.flameUntil,
    cookieUntil: s.cookieUntil,
  };
}

/** Moves a body one tick in a straight line, bouncing off the field's edges. */
export function bounce(m: Mover, field: Field): void {
  const bodies = [m.x, m.y, m.vx, m.vy, m.r, field.width - m.r, field.height - m.r];
  moveBodies(bodies, [1], 1);
  m.x = bodies[0] as number;
  m.y = bodies[1] as number;
  m.vx = bodies[2] as number;
  m.vy = bodies[3] as number;
}

/**
 * One tick of straight-line motion for `count` bodies packed BODY numbers each (x, y, vx, vy,
 * r, and the largest x and y its centre reaches: the field's size less r) in `bodies`, those
 * whose `moving` flag is 1, bouncing off the field's edges.
 */
export function moveBodies(bodies: number[], moving: readonly number[], count: number): void {
  for (let i = 0; i < count; i++) {
    if (moving[i] !== 1) continue;
    const o = i * BODY;
    const r = bodies[o + 4] as number;
    // Kept in the array, not computed each tick: in goja every integer result above 255 is a
    // Go allocation, and the garbage of a round is what slows the match loop's slowest ticks.
    const maxX = bodies[o + 5] as number;
    const maxY = bodies[o + 6] as number;
    const vx = bodies[o + 2] as number;
    const vy = bodies[o + 3] as number;
    let x = (bodies[o] as number) + vx;
    let y = (bodies[o + 1] as number) + vy;
    // A reflection can overshoot only the far edge (a step longer than the field): clamped
    // there, and only the velocity that turned is written. x and y are written out, not a loop
    // over the two axes: in goja that loop cost ~1.5 ms per 30 s replay.
    if (x < r) {
      x = 2 * r - x;
      if (x > maxX) x = maxX;
      if (vx < 0) bodies[o + 2] = -vx;
    } else if (x > maxX) {
      x = 2 * maxX - x;
      if (x < r) x = r;
      if (vx > 0) bodies[o + 2] = -vx;
    }
    if (y < r) {
      y = 2 * r - y;
      if (y > maxY) y = maxY;
      if (vy < 0) bodies[o + 3] = -vy;
    } else if (y > maxY) {
      y = 2 * maxY - y;
      if (y < r) y = r;
      if (vy > 0) bodies[o + 3] = -vy;
    }
    bodies[o] = x;
    bodies[o + 1] = y;
  }
}

/** Numbers per body in moveBodies' packed array. */
export const BODY = 7;

/** v within [lo, hi]. */
function clamp(v: number, lo: number, hi: number): number {
  // comparisons, not Math.min/max: in goja each call costs more
  if (v < lo) return lo;
  if (v > hi) return hi;
  return v;
}

export const ticksToMs = (ticks: number) => (ticks * 1000) / 60;

export function timeLeftMs(s: RoundState): number {
  return ticksToMs(Math.max(0, s.ticks - s.tick));
}

/** A power-up's time left: it ends with the round at the latest (none left once it is over). */
export function flameLeftMs(s: RoundState): number {
  return ticksToMs(Math.max(0, Math.min(s.flameUntil, s.ticks) - s.tick));
}

export function cookieLeftMs(s: RoundState): number {
  return ticksToMs(Math.max(0, Math.min(s.cookieUntil, s.ticks) - s.tick));
}

/** An input component as the simulation reads it: an integer in [-INPUT_MAX, INPUT_MAX]. */
export function clampInput(v: number): number {
  return clamp(Math.trunc(v) || 0, -INPUT_MAX, INPUT_MAX);
}

/** Advances the round one tick with the player's direction (dx, dy) for that tick. */
export function stepTick(s: RoundState, dxIn: number, dyIn: number): RoundEvent[] {
  const events: RoundEvent[] = [];
  playInputs(s, [[1, dxIn, dyIn]], events);
  return events;
}

/** A power-up's state as the players keep it (puState), and back. */
const POWER_UP_STATE = { waiting: 0, active: 1, taken: 2, coming: 3 } as const;
const POWER_UP_STATES = ["waiting", "active", "taken", "coming"] as const;

/*
 * What the solo player (soloPlayer) and the race's (race.ts racePlayer) do alike outside their
 * ticks' hot path: unpacking and saving the movers, once a play; the draws, a few times a round.
 */

/** Mover m at `o` in `bodies`, as moveBodies reads it. */
function packBody(bodies: number[], o: number, m: Mover, field: Field): void {
  bodies[o] = m.x;
  bodies[o + 1] = m.y;
  bodies[o + 2] = m.vx;
  bodies[o + 3] = m.vy;
  bodies[o + 4] = m.r;
  bodies[o + 5] = field.width - m.r;
  bodies[o + 6] = field.height - m.r;
}

/**
 * The round's movers unpacked for play: the ice, then the power-ups' bodies, into `bodies`
 * (packBody), `moving` (1: it moves) and each power-up's state into `puState`. Answers the
 * first tick appearPowerUps has something to do.
 */
export function unpackMovers(
  s: RoundState,
  bodies: number[],
  moving: number[],
  puState: number[],
): number {
  const { ice, powerUps, field, spawnLead } = s;
  const iceCount = ice.length;
  const count = iceCount + powerUps.length;
  let nextAppear = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const m = i < iceCount ? (ice[i] as Mover) : (powerUps[i - iceCount] as PowerUp).body;
    packBody(bodies, i * BODY, m, field);
    if (i < iceCount) moving[i] = 1;
    else {
      const p = powerUps[i - iceCount] as PowerUp;
      const state = POWER_UP_STATE[p.state];
      puState[i - iceCount] = state;
      moving[i] = state === 1 ? 1 : 0;
      // A waiting power-up is drawn spawnLead ticks before its time, a coming one appears.
      const next = state === 0 ? p.appearAtTick - spawnLead : state === 3 ? p.appearAtTick : 0;
      if (state !== 1 && state !== 2 && next < nextAppear) nextAppear = next;
    }
  }
  return nextAppear;
}

/** Writes the movers unpackMovers unpacked, as played, back into the round's objects. */
export function saveMovers(s: RoundState, bodies: readonly number[], puState: readonly number[]) {
  const { ice, powerUps } = s;
  const iceCount = ice.length;
  const count = iceCount + powerUps.length;
  for (let i = 0; i < count; i++) {
    const m = i < iceCount ? (ice[i] as Mover) : (powerUps[i - iceCount] as PowerUp).body;
    const o = i * BODY;
    m.x = bodies[o] as number;
    m.y = bodies[o + 1] as number;
    m.vx = bodies[o + 2] as number;
    m.vy = bodies[o + 3] as number;
    if (i >= iceCount)
      (powerUps[i - iceCount] as PowerUp).state = POWER_UP_STATES[
        puState[i - iceCount] as number
      ] as PowerUp["state"];
  }
}

/**
 * On `tick`, from the tick unpackMovers or its last call answered: the power-ups whose draw
 * time has come are drawn (from the RNG, away from every Santa: xs[i], ys[i], i < n), and
 * those whose time has come appear (in version 1 both at once); each draw's event goes to
 * `events`. Answers the next tick it has something to do.
 */
export function appearPowerUps(
  s: RoundState,
  tick: number,
  xs: readonly number[],
  ys: readonly number[],
  n: number,
  bodies: number[],
  moving: number[],
  puState: number[],
  events: RoundEvent[] | null,
): number {
  const { powerUps, rules, field, spawnLead } = s;
  const iceCount = s.ice.length;
  let nextAppear = Number.POSITIVE_INFINITY;
  for (let i = 0; i < powerUps.length; i++) {
    const p = powerUps[i] as PowerUp;
    const state = puState[i];
    if (state === 3) {
      if (tick < p.appearAtTick) {
        if (p.appearAtTick < nextAppear) nextAppear = p.appearAtTick;
      } else {
        puState[i] = 1;
        moving[iceCount + i] = 1;
      }
      continue;
    }
    if (state !== 0) continue;
    const drawAt = p.appearAtTick - spawnLead;
    if (tick < drawAt) {
      if (drawAt < nextAppear) nextAppear = drawAt;
      continue;
    }
    const place = spawnPointAway(
      s.rng,
      field,
      rules.powerUpRadius,
      xs,
      ys,
      n,
      rules.minSpawnDistance,
    );
    const v = randomVelocity(s.rng, rules.powerUpStep);
    const body = { x: place.x, y: place.y, r: rules.powerUpRadius, vx: v.vx, vy: v.vy };
    p.body = body;
    const at = Math.max(p.appearAtTick, tick);
    if (at > tick) {
      puState[i] = 3;
      if (at < nextAppear) nextAppear = at;
    } else {
      puState[i] = 1;
      moving[iceCount + i] = 1;
    }
    packBody(bodies, (iceCount + i) * BODY, body, field);
    events?.push({
      type: "powerup_appear",
      kind: p.kind,
      tick,
      at,
      index: i,
      body: { x: body.x, y: body.y, vx: body.vx, vy: body.vy },
    });
  }
  return nextAppear;
}

/**
 * The gift at `at` grabbed on `tick` by the Santa at xs[by], ys[by] (`seat` names it in a
 * race's event; a solo round's names none): the next gift drawn away from every Santa (i < n)
 * and the grab's event pushed. Answers where the next gift is; it is on the field from
 * tick + spawnLead.
 */
export function nextGift(
  s: RoundState,
  tick: number,
  at: Vec,
  xs: readonly number[],
  ys: readonly number[],
  n: number,
  by: number,
  seat: number | undefined,
  events: RoundEvent[] | null,
): Vec {
  const next = spawnPointAway(s.rng, s.field, s.gift.r, xs, ys, n, s.rules.minSpawnDistance);
  if (events) {
    const rest = {
      tick,
      next: { x: next.x, y: next.y },
      nextAt: tick + s.spawnLead,
      by: { x: xs[by] as number, y: ys[by] as number },
    };
    events.push(
      seat === undefined ? { type: "grab", at, ...rest } : { type: "grab", at, seat, ...rest },
    );
  }
  return next;
}

/**
 * Plays run-length inputs (`[ticks, dx, dy]`, as in inputs.ts) until they end or the round is
 * over; what happened goes to `events` unless it is null (a replay needs no events). The game
 * plays one tick at a time through stepTick, the server a whole round's inputs at once.
 */
export function playInputs(
  s: RoundState,
  inputs: readonly (readonly [number, number, number])[],
  events: RoundEvent[] | null,
): void {
  if (s.over) return;
  const player = soloPlayer(s);
  player.play(inputs, events);
  player.save();
}

/** A solo round's state unpacked for play (soloPlayer): play as often as needed, then save. */
export interface SoloPlayer {
  /** playInputs on the unpacked state: `s` is behind until save(). */
  play(inputs: readonly (readonly [number, number, number])[], events: RoundEvent[] | null): void;
  /** Writes what was played into the round's state (its objects are read between plays). */
  save(): void;
}

/**
 * A solo round unpacked once for many plays: the server's match loop plays a few ticks 20
 * times a second, and unpacking the state every time cost more than the ticks.
 *
 * Written for goja, which interprets this ~50× slower than V8 and where every property read
 * or write is a map lookup and every call costs: the state is unpacked into the closure's
 * variables (the movers into one array of numbers), each tick works on those, and save()
 * writes the objects back. Nothing may change `s` between plays but play() itself (save()
 * first, if anything reads it).
 *
 * Its tick is written out again in racePlayer (race.ts), on purpose: a race's loop pays per
 * Santa what this one does once, and one loop for both, or a call per step, costs measurably
 * in goja. What is not a tick's hot path is shared: unpacking and saving the movers, and the
 * rare steps that draw from the RNG (appearPowerUps, nextGift).
 */
export function soloPlayer(s: RoundState): SoloPlayer {
  if (s.others.length > 0) throw new Error("playInputs: a race plays through playRace");
  const { santa, gift, field, rules, ice, powerUps } = s;
  // The tick's constants and state as the closure's own variables, as racePlayer's: in goja a
  // closure variable is read faster than an object's property.
  const width = field.width;
  const height = field.height;
  const endTick = s.ticks;
  const thawGraceTicks = rules.thawGraceTicks;
  const freezeTicks = rules.freezeTicks;
  const baseStep = rules.santaStep;
  const cookieStep = rules.santaStep * rules.cookieSpeedMultiplier;
  const santaR = santa.r;
  const santaMaxX = width - santaR;
  const santaMaxY = height - santaR;
  const giftReach = santaR + gift.r;
  const giftReach2 = giftReach * giftReach;

  let tick = s.tick;
  let over = s.over;
  let score = s.score;
  let gifts = s.gifts;
  let powerUpsUsed = s.powerUpsUsed;
  let flameUntil = s.flameUntil;
  let cookieUntil = s.cookieUntil;
  let x = santa.x;
  let y = santa.y;
  let look = santa.look;
  let frozenUntil = santa.frozenUntil;
  let graceUntil = santa.graceUntil;
  let giftX = gift.x;
  let giftY = gift.y;
  let giftAt = s.giftAt;
  const spawnLead = s.spawnLead;
  // The box around the gift that Santa's centre must enter to reach it: it moves only when
  // the gift does, so the usual tick tests Santa against it with no arithmetic at all.
  let giftLeft = giftX - giftReach;
  let giftRight = giftX + giftReach;
  let giftTop = giftY - giftReach;
  let giftBottom = giftY + giftReach;

  // The movers: the ice, then the power-ups' bodies (moving while active).
  const iceCount = ice.length;
  const puCount = powerUps.length;
  const bodies: number[] = [];
  const moving: number[] = [];
  const puState: number[] = [];
  const count = iceCount + puCount;
  let nextAppear = unpackMovers(s, bodies, moving, puState);

  function play(
    inputs: readonly (readonly [number, number, number])[],
    events: RoundEvent[] | null,
  ): void {
    if (over) return;
    runs: for (let r = 0; r < inputs.length; r++) {
      const run = inputs[r] as readonly [number, number, number];
      const ticks = run[0];
      const dxIn = run[1];
      const dyIn = run[2];
      const dx =
        dxIn >= -INPUT_MAX && dxIn <= INPUT_MAX && (dxIn | 0) === dxIn ? dxIn : clampInput(dxIn);
      const dy =
        dyIn >= -INPUT_MAX && dyIn <= INPUT_MAX && (dyIn | 0) === dyIn ? dyIn : clampInput(dyIn);
      // Santa's move for this run's direction, at either speed (racePlayer works it out the
      // same way, into its arrays by seat; here the tick reads closure variables).
      const len2 = dx * dx + dy * dy;
      const norm = len2 > INPUT_MAX * INPUT_MAX ? Math.sqrt(len2) : INPUT_MAX;
      const baseX = Math.trunc((baseStep * dx) / norm);
      const baseY = Math.trunc((baseStep * dy) / norm);
      const cookieX = Math.trunc((cookieStep * dx) / norm);
      const cookieY = Math.trunc((cookieStep * dy) / norm);
      const facing = dx < -5 ? "left" : dx > 5 ? "right" : "idle";

      for (let t = 0; t < ticks; t++) {
        const wasFrozen = tick < frozenUntil;
        tick += 1;
        const frozen = tick < frozenUntil;
        if (wasFrozen && !frozen) {
          graceUntil = tick + thawGraceTicks;
          events?.push({ type: "thaw" });
        }

        // Santa
        if (frozen) {
          look = "frozen";
        } else {
          if (len2 > 0) {
            if (tick < cookieUntil) {
              x += cookieX;
              y += cookieY;
            } else {
              x += baseX;
              y += baseY;
            }
            if (x < santaR) x = santaR;
            else if (x > santaMaxX) x = santaMaxX;
            if (y < santaR) y = santaR;
            else if (y > santaMaxY) y = santaMaxY;
          }
          look = facing;
        }

        // Movers; then power-ups whose draw time has come are drawn (from the RNG), and those
        // whose time has come appear (in version 1 both at once).
        moveBodies(bodies, moving, count);
        if (tick >= nextAppear)
          nextAppear = appearPowerUps(s, tick, [x], [y], 1, bodies, moving, puState, events);

        // Gift (on the field from giftAt)
        // Each contact test looks at the box around the reach before the exact distance: far
        // apart, as nearly always, it costs no products (see moveBodies for why that matters).
        if (
          tick >= giftAt &&
          x > giftLeft &&
          x < giftRight &&
          y > giftTop &&
          y < giftBottom &&
          (x - giftX) * (x - giftX) + (y - giftY) * (y - giftY) < giftReach2
        ) {
          score += 1;
          gifts += 1;
          const next = nextGift(s, tick, { x: giftX, y: giftY }, [x], [y], 1, 0, undefined, events);
          // The gift's box in closure variables, as in racePlayer: every tick tests against it.
          giftX = next.x;
          giftY = next.y;
          giftLeft = giftX - giftReach;
          giftRight = giftX + giftReach;
          giftTop = giftY - giftReach;
          giftBottom = giftY + giftReach;
          giftAt = tick + spawnLead;
        }

        // Power-ups
        for (let i = 0; i < puCount; i++) {
          if (puState[i] !== 1) continue;
          const o = (iceCount + i) * BODY;
          const pdx = x - (bodies[o] as number);
          const pdy = y - (bodies[o + 1] as number);
          const reach = santaR + (bodies[o + 4] as number);
          if (pdx >= reach || pdx <= -reach || pdy >= reach || pdy <= -reach) continue;
          if (pdx * pdx + pdy * pdy >= reach * reach) continue;
          const p = powerUps[i] as PowerUp;
          puState[i] = 2;
          moving[iceCount + i] = 0;
          powerUpsUsed += 1;
          if (p.kind === "flame") flameUntil = tick + rules.flameTicks;
          else cookieUntil = tick + rules.cookieTicks;
          events?.push({ type: "powerup_taken", kind: p.kind });
        }

        // Ice
        if (!(tick < flameUntil || frozen || tick < graceUntil)) {
          for (let i = 0; i < iceCount; i++) {
            const o = i * BODY;
            const idx = x - (bodies[o] as number);
            const idy = y - (bodies[o + 1] as number);
            const reach = santaR + (bodies[o + 4] as number);
            if (
              idx < reach &&
              idx > -reach &&
              idy < reach &&
              idy > -reach &&
              idx * idx + idy * idy < reach * reach
            ) {
              frozenUntil = tick + freezeTicks;
              look = "frozen";
              events?.push({ type: "freeze" });
              break;
            }
          }
        }

        if (tick >= endTick) {
          over = true;
          events?.push({ type: "end" });
          break runs;
        }
      }
    }
  }

  function save(): void {
    s.tick = tick;
    s.over = over;
    s.score = score;
    s.gifts = gifts;
    s.powerUpsUsed = powerUpsUsed;
    s.flameUntil = flameUntil;
    s.cookieUntil = cookieUntil;
    santa.x = x;
    santa.y = y;
    santa.look = look;
    santa.frozenUntil = frozenUntil;
    santa.graceUntil = graceUntil;
    gift.x = giftX;
    gift.y = giftY;
    s.giftAt = giftAt;
    saveMovers(s, bodies, puState);
  }

  return { play, save };
}
