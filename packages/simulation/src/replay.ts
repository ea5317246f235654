import type { InputRun } from "./inputs";
import type { RoundParams } from "./params";
import { playRace, type RaceInputs } from "./race";
import { playInputs, type RoundState, type Rules, roundFor } from "./round";

export interface ReplayResult {
  score: number;
  gifts: number;
  power_ups_used: number;
  /** stateHash of the final state. */
  hash: string;
  state: RoundState;
}

/**
 * Plays a round from its params and inputs, tick by tick. Inputs that run short leave Santa
 * still for the rest; inputs past the round's end are ignored (validate with inputsIssue).
 */
export function replay(
  params: RoundParams,
  inputs: readonly InputRun[],
  rules?: Rules,
): ReplayResult {
  const s = roundFor(params, 1, rules);
  playInputs(s, inputs, null);
  if (!s.over) playInputs(s, [[s.ticks - s.tick, 0, 0]], null);
  return {
    score: s.score,
    gifts: s.gifts,
    power_ups_used: s.powerUpsUsed,
    hash: stateHash(s),
    state: s,
  };
}

export interface RaceReplayResult {
  /** By seat. */
  santas: { score: number; gifts: number; power_ups_used: number }[];
  hash: string;
  state: RoundState;
}

/**
 * Plays a race (race.ts) from its params, its Santa count and one run-length input list per
 * seat: every seat on the same ticks, a list that runs short standing still to the end.
 */
export function replayRace(
  params: RoundParams,
  santas: number,
  inputs: RaceInputs,
  rules?: Rules,
): RaceReplayResult {
  const s = roundFor(params, santas, rules);
  playRace(s, inputs, s.ticks, null);
  const out: RaceReplayResult["santas"] = [
    { score: s.score, gifts: s.gifts, power_ups_used: s.powerUpsUsed },
  ];
  for (const r of s.others)
    out.push({ score: r.score, gifts: r.gifts, power_ups_used: r.powerUpsUsed });
  return { santas: out, hash: stateHash(s), state: s };
}

const LOOKS = { idle: 0, left: 1, right: 2, frozen: 3 } as const;
const POWER_UP_STATES = { waiting: 0, active: 1, taken: 2, coming: 3 } as const;

/** Every number of a state, in a fixed order (what stateHash covers). */
export function stateNumbers(s: RoundState): number[] {
  const out = [
    s.tick,
    s.ticks,
    s.over ? 1 : 0,
    s.score,
    s.gifts,
    s.powerUpsUsed,
    s.rng.state,
    s.santa.x,
    s.santa.y,
    LOOKS[s.santa.look],
    s.santa.frozenUntil,
    s.santa.graceUntil,
    s.gift.x,
    s.gift.y,
    s.flameUntil,
    s.cookieUntil,
  ];
  for (const m of s.ice) out.push(m.x, m.y, m.vx, m.vy);
  for (const p of s.powerUps)
    out.push(POWER_UP_STATES[p.state], p.appearAtTick, p.body.x, p.body.y, p.body.vx, p.body.vy);
  // A race's other Santas, after everything a solo state has (a solo hash is unchanged).
  for (const r of s.others)
    out.push(
      r.x,
      r.y,
      LOOKS[r.look],
      r.frozenUntil,
      r.graceUntil,
      r.score,
      r.gifts,
      r.powerUpsUsed,
      r.flameUntil,
      r.cookieUntil,
    );
  // Rules version 2's (a version 1 hash is unchanged).
  if (s.spawnLead > 0) out.push(s.spawnLead, s.giftAt);
  return out;
}

/**
 * FNV-1a (32 bit) over the state's numbers, each as two 32-bit halves so a value beyond
 * 32 bits or a fraction (a determinism bug) still changes the hash. 8 hex digits.
 */
export function stateHash(s: RoundState): string {
  let h = 0x811c9dc5;
  const mix = (word: number) => {
    for (let shift = 0; shift < 32; shift += 8) {
      h ^= (word >>> shift) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const v of stateNumbers(s)) {
    const hi = Math.floor(v / 4294967296);
    mix(hi | 0);
    mix((v - hi * 4294967296) >>> 0);
    if (!Number.isInteger(v)) mix(0x7fc00000); // a non-integer: never the hash of an integer state
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
