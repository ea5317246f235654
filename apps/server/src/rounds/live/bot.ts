import { createRng, INPUT_MAX, nextInt, type Rng, type RoundState } from "@gift-grab/simulation";

/**
 * The race's server-side player: fills a seat nobody took, and takes over a player's seat
 * once its socket is gone past the reconnect grace. Deterministic: its RNG is seeded from
 * the round's seed and the seat, and it decides once per match loop (50 ms, a human-like
 * reaction) from the state the server has simulated, which holds nothing of the future.
 * Mostly it steers at the gift; now and then it wanders for a while, so it can be beaten.
 */
export interface Bot {
  rng: Rng;
  /** Loops left in the current decision. */
  hold: number;
  wander: boolean;
  dx: number;
  dy: number;
}

export function createBot(roundSeed: number, seat: number): Bot {
  return {
    rng: createRng((roundSeed ^ Math.imul(seat + 1, 0x9e3779b1)) >>> 0),
    hold: 0,
    wander: false,
    dx: 0,
    dy: 0,
  };
}

/** Percent of decisions that wander (the rest steer at the gift). */
const WANDER_PERCENT = 20;

/** The bot's direction for this loop's ticks (bot.dx, bot.dy). */
export function decide(bot: Bot, sim: RoundState, seat: number): void {
  if (bot.hold <= 0) {
    bot.wander = nextInt(bot.rng, 0, 99) < WANDER_PERCENT;
    bot.hold = bot.wander ? nextInt(bot.rng, 2, 8) : nextInt(bot.rng, 1, 10);
    if (bot.wander) {
      bot.dx = nextInt(bot.rng, -INPUT_MAX, INPUT_MAX);
      bot.dy = nextInt(bot.rng, -INPUT_MAX, INPUT_MAX);
    }
  }
  bot.hold -= 1;
  if (bot.wander) return;
  const santa = seat === 0 ? sim.santa : sim.others[seat - 1];
  if (!santa) return;
  const x = sim.gift.x - santa.x;
  const y = sim.gift.y - santa.y;
  const len = Math.sqrt(x * x + y * y);
  bot.dx = len === 0 ? 0 : Math.round((INPUT_MAX * x) / len);
  bot.dy = len === 0 ? 0 : Math.round((INPUT_MAX * y) / len);
}
