/** A seeded PRNG (mulberry32): every random choice of a round comes from here. */
export interface Rng {
  /** [0, 1) */
  next(): number;
  range(min: number, max: number): number;
  angle(): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    angle: () => next() * Math.PI * 2,
  };
}
