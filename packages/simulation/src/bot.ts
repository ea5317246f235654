import { appendInput, INPUT_MAX, type InputRuns } from "./inputs";
import type { RoundParams } from "./params";
import { stepRace } from "./race";
import { createRng, nextInt } from "./rng";
import { racer, roundFor, stepTick, type Vec } from "./round";

/**
 * A deterministic automated player, for tests and benchmarks (never the game): it holds a
 * decision for 1–30 ticks, either steering at the gift or holding a random direction.
 */
export interface BotOptions {
  /** Seeds the bot's own decisions (not the round's). */
  seed: number;
  /** Percent of decisions that steer at the gift (100: always; 0: a random walk). Default 100. */
  steer?: number;
}

export interface BotRun {
  inputs: InputRuns;
  score: number;
  gifts: number;
  power_ups_used: number;
}

/** The integer direction from `from` to `to`, at full length. */
export function directionTo(from: Vec, to: Vec): { dx: number; dy: number } {
  const x = to.x - from.x;
  const y = to.y - from.y;
  const len = Math.sqrt(x * x + y * y);
  if (len === 0) return { dx: 0, dy: 0 };
  return { dx: Math.round((INPUT_MAX * x) / len), dy: Math.round((INPUT_MAX * y) / len) };
}

export function playBot(params: RoundParams, options: BotOptions): BotRun {
  const steer = options.steer ?? 100;
  const rng = createRng(options.seed ^ 0x5bd1e995);
  const s = roundFor(params);
  const inputs: InputRuns = [];
  let hold = 0;
  let steering = true;
  let held = { dx: 0, dy: 0 };
  while (!s.over) {
    if (hold === 0) {
      hold = nextInt(rng, 1, 30);
      steering = nextInt(rng, 0, 99) < steer;
      held = { dx: nextInt(rng, -INPUT_MAX, INPUT_MAX), dy: nextInt(rng, -INPUT_MAX, INPUT_MAX) };
    }
    hold -= 1;
    const { dx, dy } = steering ? directionTo(s.santa, s.gift) : held;
    appendInput(inputs, dx, dy);
    stepTick(s, dx, dy);
  }
  return { inputs, score: s.score, gifts: s.gifts, power_ups_used: s.powerUpsUsed };
}

/**
 * Inputs that replay to exactly `score` in this round, or null when steering at the gift all
 * round scores less. After the last grab it runs from the gift (which is static: never reached).
 */
export function inputsForScore(params: RoundParams, score: number): InputRuns | null {
  const s = roundFor(params);
  const inputs: InputRuns = [];
  while (!s.over) {
    const toward = directionTo(s.santa, s.gift);
    const { dx, dy } = s.score < score ? toward : { dx: -toward.dx, dy: -toward.dy };
    appendInput(inputs, dx, dy);
    stepTick(s, dx, dy);
  }
  return s.score === score ? inputs : null;
}

export interface RaceBotRun {
  /** By seat: what each bot played. */
  inputs: InputRuns[];
  scores: number[];
}

/**
 * A race of `santas` bots, each deciding as playBot does with a seed of its own (seed + seat)
 * and a steer percent of its own (`steer[seat]`, default 100).
 */
export function playRaceBots(
  params: RoundParams,
  santas: number,
  options: { seed: number; steer?: readonly number[] },
): RaceBotRun {
  const s = roundFor(params, santas);
  const bots = Array.from({ length: santas }, (_, i) => ({
    rng: createRng((options.seed + i) ^ 0x5bd1e995),
    steer: options.steer?.[i] ?? 100,
    hold: 0,
    steering: true,
    held: { dx: 0, dy: 0 },
    inputs: [] as InputRuns,
  }));
  while (!s.over) {
    const directions: [number, number][] = [];
    for (let i = 0; i < santas; i++) {
      const b = bots[i] as (typeof bots)[number];
      if (b.hold === 0) {
        b.hold = nextInt(b.rng, 1, 30);
        b.steering = nextInt(b.rng, 0, 99) < b.steer;
        b.held = {
          dx: nextInt(b.rng, -INPUT_MAX, INPUT_MAX),
          dy: nextInt(b.rng, -INPUT_MAX, INPUT_MAX),
        };
      }
      b.hold -= 1;
      const { dx, dy } = b.steering ? directionTo(racer(s, i), s.gift) : b.held;
      appendInput(b.inputs, dx, dy);
      directions.push([dx, dy]);
    }
    stepRace(s, directions);
  }
  return {
    inputs: bots.map((b) => b.inputs),
    scores: Array.from({ length: santas }, (_, i) => racer(s, i).score),
  };
}
