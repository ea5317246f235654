import { INPUT_MAX, type InputRun } from "./inputs";
import {
  appearPowerUps,
  BODY,
  clampInput,
  moveBodies,
  nextGift,
  type PowerUp,
  type RacerState,
  type RoundEvent,
  type RoundState,
  type SantaLook,
  saveMovers,
  unpackMovers,
} from "./round";

/**
 * A race: 2–4 Santas on one field (createRound({ santas })), the solo rules for each Santa
 * and one stream of spawns for all.
 *
 * - Each tick every Santa moves (its own freeze, flame, cookie), then the movers, then what
 *   the tick brings, in the solo order: power-ups appearing, the gift, power-ups, ice.
 * - The gift goes to the Santa touching it; when several touch it on the same tick, to the
 *   nearest (centre to centre), and between equally near ones to the lowest seat. A power-up
 *   the same way. Ice freezes every Santa it touches (each with its own grace and flame).
 * - Every spawn keeps minSpawnDistance from every Santa (spawnPointAway), not only from the one
 *   that grabbed: nobody gets a gift dropped at their feet.
 *
 * A race's inputs: one run-length list per seat (`inputs[seat]`, each as a solo round's,
 * inputs.ts), all on the same ticks; a seat whose list ends stands still. A stored race is its
 * params, its Santa count and these lists (replayRace).
 *
 * A race of one Santa plays exactly as playInputs (the race test holds them equal), but the
 * solo round keeps playInputs: this loop pays per Santa what the solo loop does once. So the
 * tick's steps (Santas, power-ups taken, ice, the end) are written out here and in soloPlayer
 * (round.ts), inline, as the simulation's hot path is everywhere; what is not per tick is
 * shared (round.ts: unpackMovers, saveMovers, appearPowerUps, nextGift).
 */
const LOOKS: readonly SantaLook[] = ["idle", "left", "right", "frozen"];
const LOOK_CODE = { idle: 0, left: 1, right: 2, frozen: 3 } as const;
/** What a Santa has won: per racer, and for seat 0 on the round's state itself. */
type Tally = Pick<RacerState, "score" | "gifts" | "powerUpsUsed" | "flameUntil" | "cookieUntil">;
const FROZEN = 3;

/**
 * The arrays a race player keeps its unpacked state in (by seat; the movers BODY numbers each).
 * Only the first n (Santas) or count (bodies) entries are read, each written first.
 */
export type RaceArrays = Record<
  | "xs"
  | "ys"
  | "look"
  | "frozenUntil"
  | "graceUntil"
  | "score"
  | "gifts"
  | "used"
  | "flameUntil"
  | "cookieUntil"
  | "frozen"
  | "runAt"
  | "left"
  | "baseX"
  | "baseY"
  | "cookieX"
  | "cookieY"
  | "steps"
  | "facing"
  | "runOk"
  | "bodies"
  | "moving"
  | "puState",
  number[]
> & { runDx: unknown[]; runDy: unknown[] };

export function raceArrays(): RaceArrays {
  return {
    xs: [],
    ys: [],
    look: [],
    frozenUntil: [],
    graceUntil: [],
    score: [],
    gifts: [],
    used: [],
    flameUntil: [],
    cookieUntil: [],
    frozen: [],
    runAt: [],
    left: [],
    baseX: [],
    baseY: [],
    cookieX: [],
    cookieY: [],
    steps: [],
    facing: [],
    runOk: [],
    bodies: [],
    moving: [],
    puState: [],
    runDx: [],
    runDy: [],
  };
}

/**
 * playRace's arrays, shared by every call (it is synchronous and never re-entered, and its
 * player is done with them when it returns): the game steps a race a tick a call, and making
 * ~25 arrays a call tripled the cost of a step.
 */
const ONE_SHOT = raceArrays();

/** A race's state unpacked for play (racePlayer): play as often as needed, then save. */
export interface RacePlayer {
  /** playRace on the unpacked state: `s` is behind until save(). */
  play(
    inputs: readonly (readonly (readonly [number, number, number])[] | undefined)[],
    ticks: number,
    events: RoundEvent[] | null,
  ): void;
  /** Writes what was played into the race's state (its objects are read between plays). */
  save(): void;
}

/**
 * Plays `ticks` ticks of a race (fewer if it ends) with each seat's run-length inputs; what
 * happened goes to `events` (with the seat) unless it is null.
 */
export function playRace(
  s: RoundState,
  inputs: readonly (readonly (readonly [number, number, number])[] | undefined)[],
  ticks: number,
  events: RoundEvent[] | null,
): void {
  if (s.over || ticks <= 0) return;
  const player = racePlayer(s, ONE_SHOT);
  player.play(inputs, ticks, events);
  player.save();
}

/**
 * A race unpacked once for many plays, as soloPlayer (round.ts) for a solo round: the server
 * plays a few ticks every match loop, and in goja unpacking the state into indexed arrays cost
 * more than the ticks themselves. Each Santa's state is kept by seat in `arrays` (its own unless
 * given), the movers in one array of numbers; save() writes the objects back. Nothing may change `s`
 * between plays but play() itself (save() first, if anything reads it).
 */
export function racePlayer(s: RoundState, arrays: RaceArrays = raceArrays()): RacePlayer {
  const n = 1 + s.others.length;
  const { santa, gift, field, rules, ice, powerUps, others } = s;
  // The tick's constants as the closure's own variables, as soloPlayer's: in goja a closure
  // variable is read faster than an object's property.
  const width = field.width;
  const height = field.height;
  const endTick = s.ticks;
  const baseStep = rules.santaStep;
  const cookieStep = rules.santaStep * rules.cookieSpeedMultiplier;
  const santaR = santa.r;
  const santaMaxX = width - santaR;
  const santaMaxY = height - santaR;
  const giftReach = santaR + gift.r;
  const giftReach2 = giftReach * giftReach;

  // Each Santa's state, by seat; each seat's place in its inputs and the move its current
  // run makes.
  const xs = arrays.xs;
  const ys = arrays.ys;
  const look = arrays.look;
  const frozenUntil = arrays.frozenUntil;
  const graceUntil = arrays.graceUntil;
  const score = arrays.score;
  const gifts = arrays.gifts;
  const used = arrays.used;
  const flameUntil = arrays.flameUntil;
  const cookieUntil = arrays.cookieUntil;
  const frozen = arrays.frozen;
  const runAt = arrays.runAt;
  const left = arrays.left;
  const baseX = arrays.baseX;
  const baseY = arrays.baseY;
  const cookieX = arrays.cookieX;
  const cookieY = arrays.cookieY;
  const steps = arrays.steps;
  const facing = arrays.facing;
  /**
   * The move a seat's current run makes (baseX … facing) is kept from run to run and call to
   * call with the raw run it was worked out from (runDx, runDy, runOk): a pure function of
   * those, so a seat holding its direction skips the clamps, the square root and the divisions.
   */
  const runDx = arrays.runDx;
  const runDy = arrays.runDy;
  const runOk = arrays.runOk;
  for (let i = 0; i < n; i++) {
    // Seat 0 is the round's own Santa, its tally on the state itself (a solo round's shape).
    const r = i === 0 ? santa : (others[i - 1] as RacerState);
    const t: Tally = i === 0 ? s : (r as RacerState);
    xs[i] = r.x;
    ys[i] = r.y;
    look[i] = LOOK_CODE[r.look];
    frozenUntil[i] = r.frozenUntil;
    graceUntil[i] = r.graceUntil;
    score[i] = t.score;
    gifts[i] = t.gifts;
    used[i] = t.powerUpsUsed;
    flameUntil[i] = t.flameUntil;
    cookieUntil[i] = t.cookieUntil;
    frozen[i] = 0;
    runAt[i] = -1;
    left[i] = 0;
    baseX[i] = 0;
    baseY[i] = 0;
    cookieX[i] = 0;
    cookieY[i] = 0;
    steps[i] = 0;
    facing[i] = 0;
    runDx[i] = 0;
    runDy[i] = 0;
    runOk[i] = 0;
  }

  let giftX = gift.x;
  let giftY = gift.y;
  let giftAt = s.giftAt;
  const spawnLead = s.spawnLead;
  let giftLeft = giftX - giftReach;
  let giftRight = giftX + giftReach;
  let giftTop = giftY - giftReach;
  let giftBottom = giftY + giftReach;

  const iceCount = ice.length;
  const puCount = powerUps.length;
  const count = iceCount + puCount;
  const bodies = arrays.bodies;
  const moving = arrays.moving;
  const puState = arrays.puState;
  let nextAppear = unpackMovers(s, bodies, moving, puState);

  let tick = s.tick;
  let over = s.over;

  function play(
    inputs: readonly (readonly (readonly [number, number, number])[] | undefined)[],
    ticks: number,
    events: RoundEvent[] | null,
  ): void {
    if (over || ticks <= 0) return;
    // Each call starts every seat at its inputs' first run.
    for (let i = 0; i < n; i++) {
      runAt[i] = -1;
      left[i] = 0;
    }
    for (let t = 0; t < ticks; t++) {
      tick += 1;
      // Santas
      for (let i = 0; i < n; i++) {
        while (left[i] === 0) {
          const runs = inputs[i];
          const k = (runAt[i] as number) + 1;
          runAt[i] = k;
          let rawX: unknown = 0;
          let rawY: unknown = 0;
          if (runs && k < runs.length) {
            const run = runs[k] as readonly [number, number, number];
            // biome-ignore lint/complexity/useMathMinMax: a comparison; in goja a call costs more
            left[i] = run[0] > 0 ? run[0] : 0;
            rawX = run[1];
            rawY = run[2];
          } else left[i] = Number.POSITIVE_INFINITY;
          if (runOk[i] === 1 && rawX === runDx[i] && rawY === runDy[i]) continue;
          runOk[i] = 1;
          runDx[i] = rawX;
          runDy[i] = rawY;
          // The run's move, as soloPlayer works it out (there into closure variables).
          const dx = clampInput(rawX as number);
          const dy = clampInput(rawY as number);
          const len2 = dx * dx + dy * dy;
          const norm = len2 > INPUT_MAX * INPUT_MAX ? Math.sqrt(len2) : INPUT_MAX;
          baseX[i] = Math.trunc((baseStep * dx) / norm);
          baseY[i] = Math.trunc((baseStep * dy) / norm);
          cookieX[i] = Math.trunc((cookieStep * dx) / norm);
          cookieY[i] = Math.trunc((cookieStep * dy) / norm);
          steps[i] = len2 > 0 ? 1 : 0;
          facing[i] = dx < -5 ? 1 : dx > 5 ? 2 : 0;
        }
        left[i] = (left[i] as number) - 1;
        const until = frozenUntil[i] as number;
        const wasFrozen = tick - 1 < until;
        const isFrozen = tick < until;
        frozen[i] = isFrozen ? 1 : 0;
        if (wasFrozen && !isFrozen) {
          graceUntil[i] = tick + rules.thawGraceTicks;
          events?.push({ type: "thaw", seat: i });
        }
        if (isFrozen) {
          look[i] = FROZEN;
          continue;
        }
        if (steps[i] === 1) {
          const fast = tick < (cookieUntil[i] as number);
          let x = (xs[i] as number) + ((fast ? cookieX[i] : baseX[i]) as number);
          let y = (ys[i] as number) + ((fast ? cookieY[i] : baseY[i]) as number);
          if (x < santaR) x = santaR;
          else if (x > santaMaxX) x = santaMaxX;
          if (y < santaR) y = santaR;
          else if (y > santaMaxY) y = santaMaxY;
          xs[i] = x;
          ys[i] = y;
        }
        look[i] = facing[i] as number;
      }

      // Movers; then power-ups whose draw time has come are drawn, away from every Santa, and
      // those whose time has come appear (in version 1 both at once).
      moveBodies(bodies, moving, count);
      if (tick >= nextAppear)
        nextAppear = appearPowerUps(s, tick, xs, ys, n, bodies, moving, puState, events);

      // Gift (on the field from giftAt): the nearest Santa touching it, the lowest seat among equals.
      let winner = -1;
      let nearest = giftReach2;
      for (let i = 0; i < n && tick >= giftAt; i++) {
        const x = xs[i] as number;
        const y = ys[i] as number;
        if (!(x > giftLeft && x < giftRight && y > giftTop && y < giftBottom)) continue;
        const d2 = (x - giftX) * (x - giftX) + (y - giftY) * (y - giftY);
        if (d2 < nearest) {
          nearest = d2;
          winner = i;
        }
      }
      if (winner >= 0) {
        score[winner] = (score[winner] as number) + 1;
        gifts[winner] = (gifts[winner] as number) + 1;
        const next = nextGift(s, tick, { x: giftX, y: giftY }, xs, ys, n, winner, winner, events);
        // The gift's box in closure variables, as in soloPlayer: every tick tests against it.
        giftX = next.x;
        giftY = next.y;
        giftLeft = giftX - giftReach;
        giftRight = giftX + giftReach;
        giftTop = giftY - giftReach;
        giftBottom = giftY + giftReach;
        giftAt = tick + spawnLead;
      }

      // Power-ups: each to the nearest Santa touching it.
      for (let k = 0; k < puCount; k++) {
        if (puState[k] !== 1) continue;
        const o = (iceCount + k) * BODY;
        const bx = bodies[o] as number;
        const by = bodies[o + 1] as number;
        const reach = santaR + (bodies[o + 4] as number);
        let taker = -1;
        let best = reach * reach;
        for (let i = 0; i < n; i++) {
          const pdx = (xs[i] as number) - bx;
          const pdy = (ys[i] as number) - by;
          if (pdx >= reach || pdx <= -reach || pdy >= reach || pdy <= -reach) continue;
          const d2 = pdx * pdx + pdy * pdy;
          if (d2 < best) {
            best = d2;
            taker = i;
          }
        }
        if (taker < 0) continue;
        const p = powerUps[k] as PowerUp;
        puState[k] = 2;
        moving[iceCount + k] = 0;
        used[taker] = (used[taker] as number) + 1;
        if (p.kind === "flame") flameUntil[taker] = tick + rules.flameTicks;
        else cookieUntil[taker] = tick + rules.cookieTicks;
        events?.push({ type: "powerup_taken", kind: p.kind, seat: taker });
      }

      // Ice: every Santa it touches, unless flaming, frozen or in its grace.
      for (let i = 0; i < n; i++) {
        if (tick < (flameUntil[i] as number) || frozen[i] === 1 || tick < (graceUntil[i] as number))
          continue;
        const x = xs[i] as number;
        const y = ys[i] as number;
        for (let k = 0; k < iceCount; k++) {
          const o = k * BODY;
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
            frozenUntil[i] = tick + rules.freezeTicks;
            look[i] = FROZEN;
            events?.push({ type: "freeze", seat: i });
            break;
          }
        }
      }

      if (tick >= endTick) {
        over = true;
        events?.push({ type: "end" });
        break;
      }
    }
  }

  function save(): void {
    s.tick = tick;
    s.over = over;
    for (let i = 0; i < n; i++) {
      const r: RacerState | typeof santa = i === 0 ? santa : (others[i - 1] as RacerState);
      r.x = xs[i] as number;
      r.y = ys[i] as number;
      r.look = LOOKS[look[i] as number] as SantaLook;
      r.frozenUntil = frozenUntil[i] as number;
      r.graceUntil = graceUntil[i] as number;
      const t: Tally = i === 0 ? s : (r as RacerState);
      t.score = score[i] as number;
      t.gifts = gifts[i] as number;
      t.powerUpsUsed = used[i] as number;
      t.flameUntil = flameUntil[i] as number;
      t.cookieUntil = cookieUntil[i] as number;
    }
    gift.x = giftX;
    gift.y = giftY;
    s.giftAt = giftAt;
    saveMovers(s, bodies, puState);
  }

  return { play, save };
}

/** One tick of a race with each seat's direction (the client's step): its events. */
export function stepRace(s: RoundState, directions: readonly (readonly [number, number])[]) {
  const inputs: [number, number, number][][] = [];
  for (let i = 0; i < directions.length; i++) {
    const d = directions[i] as readonly [number, number];
    inputs.push([[1, d[0], d[1]]]);
  }
  const events: RoundEvent[] = [];
  playRace(s, inputs, 1, events);
  return events;
}

export type RaceInputs = readonly (readonly InputRun[])[];

/**
 * Each Santa's place by score (1: the most), equal scores sharing a place ("1, 1, 3"): a
 * place is one more than the Santas finishing ahead, as the versus board counts points.
 */
export function placesOf(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s).length);
}
