import type { Mover, PowerUp, RacerState, RoundState, SantaLook } from "./round";

/**
 * The changing part of a round's state as numbers, written into a caller's array (no
 * allocation) and restored from it. The live round used it every loop to go back and play a
 * loop's ticks one by one when something spawned; the events now say when each spawn
 * happened (RoundEvent), so only the tests use it: to hold ticks played in one call equal to
 * the same ticks played one by one. Indexed loops (goja's for-of costs).
 */
const LOOKS: SantaLook[] = ["idle", "left", "right", "frozen"];
const STATES: PowerUp["state"][] = ["waiting", "active", "taken", "coming"];

export function saveState(s: RoundState, out: number[]): void {
  let i = 0;
  out[i++] = s.tick;
  out[i++] = s.over ? 1 : 0;
  out[i++] = s.score;
  out[i++] = s.gifts;
  out[i++] = s.powerUpsUsed;
  out[i++] = s.rng.state;
  out[i++] = s.santa.x;
  out[i++] = s.santa.y;
  out[i++] = LOOKS.indexOf(s.santa.look);
  out[i++] = s.santa.frozenUntil;
  out[i++] = s.santa.graceUntil;
  out[i++] = s.gift.x;
  out[i++] = s.gift.y;
  out[i++] = s.giftAt;
  out[i++] = s.flameUntil;
  out[i++] = s.cookieUntil;
  for (let k = 0; k < s.ice.length; k++) {
    const m = s.ice[k] as Mover;
    out[i++] = m.x;
    out[i++] = m.y;
    out[i++] = m.vx;
    out[i++] = m.vy;
  }
  for (let k = 0; k < s.powerUps.length; k++) {
    const p = s.powerUps[k] as PowerUp;
    out[i++] = STATES.indexOf(p.state);
    out[i++] = p.body.x;
    out[i++] = p.body.y;
    out[i++] = p.body.vx;
    out[i++] = p.body.vy;
    out[i++] = p.body.r;
  }
  // A race's other Santas (none in a solo round).
  for (let k = 0; k < s.others.length; k++) {
    const r = s.others[k] as RacerState;
    out[i++] = r.x;
    out[i++] = r.y;
    out[i++] = LOOKS.indexOf(r.look);
    out[i++] = r.frozenUntil;
    out[i++] = r.graceUntil;
    out[i++] = r.score;
    out[i++] = r.gifts;
    out[i++] = r.powerUpsUsed;
    out[i++] = r.flameUntil;
    out[i++] = r.cookieUntil;
  }
}

export function restoreState(s: RoundState, from: readonly number[]): void {
  let i = 0;
  const next = () => from[i++] as number;
  s.tick = next();
  s.over = next() === 1;
  s.score = next();
  s.gifts = next();
  s.powerUpsUsed = next();
  s.rng.state = next();
  s.santa.x = next();
  s.santa.y = next();
  s.santa.look = LOOKS[next()] as SantaLook;
  s.santa.frozenUntil = next();
  s.santa.graceUntil = next();
  s.gift.x = next();
  s.gift.y = next();
  s.giftAt = next();
  s.flameUntil = next();
  s.cookieUntil = next();
  for (const m of s.ice) {
    m.x = next();
    m.y = next();
    m.vx = next();
    m.vy = next();
  }
  for (const p of s.powerUps) {
    p.state = STATES[next()] as PowerUp["state"];
    // A new body: an appearance replaces the object (round.ts), so it is never shared.
    p.body = { x: next(), y: next(), vx: next(), vy: next(), r: next() };
  }
  for (const r of s.others) {
    r.x = next();
    r.y = next();
    r.look = LOOKS[next()] as SantaLook;
    r.frozenUntil = next();
    r.graceUntil = next();
    r.score = next();
    r.gifts = next();
    r.powerUpsUsed = next();
    r.flameUntil = next();
    r.cookieUntil = next();
  }
}
