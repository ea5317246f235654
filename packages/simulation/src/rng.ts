/**
 * The round's seeded integer PRNG (mulberry32). Its whole state is one uint32 kept in the
 * round's state, so a state hash covers it. Only integer operations: V8 and goja agree.
 */
export interface Rng {
  state: number;
}

export function createRng(seed: number): Rng {
  return { state: seed >>> 0 };
}

/** The next uint32. */
export function nextU32(rng: Rng): number {
  rng.state = (rng.state + 0x6d2b79f5) >>> 0;
  let t = rng.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** An integer in [min, max] (both included; max ≥ min). */
export function nextInt(rng: Rng, min: number, max: number): number {
  return min + (nextU32(rng) % (max - min + 1));
}
