import type { Orientation } from "./params";
import { type PublicState, UNREVEALED } from "./public-state";
import { createRng } from "./rng";
import { fieldFor, type Mover, type RoundState, tickRules } from "./round";
import { GameRules, type RulesVersion, spawnLeadTicks } from "./rules";

/**
 * A round built from what a player may know at a tick (a live round's START): the same rules
 * and field, the public state's places, and a placeholder RNG (the seed never reaches a
 * client). Whatever the placeholder draws is not the round's future, so a waiting power-up is
 * kept waiting (appearance UNREVEALED, beyond any round) until the server reveals it: the caller places revealed
 * spawns itself. `seat` picks the Santa a solo round plays; `race` keeps every Santa in its
 * seat (seat 0 in `santa`, the others in `others`, as the server's race has them).
 */
export function roundFromPublic(
  ps: PublicState,
  options: {
    ticks: number;
    orientation: Orientation;
    seat?: number;
    race?: boolean;
    version?: RulesVersion;
  },
): RoundState {
  const rules = tickRules(GameRules);
  const field = fieldFor(options.orientation, GameRules);
  const me = options.race ? ps.santas[0] : (ps.santas[options.seat ?? 0] ?? ps.santas[0]);
  if (!me) throw new Error("roundFromPublic: a public state with no Santa");
  const mover = (m: { x: number; y: number; vx: number; vy: number }, r: number): Mover => ({
    x: m.x,
    y: m.y,
    vx: m.vx,
    vy: m.vy,
    r,
  });
  return {
    rules,
    rng: createRng(0),
    field,
    tick: ps.tick,
    ticks: options.ticks,
    over: ps.tick >= options.ticks,
    score: me.score,
    gifts: me.gifts,
    powerUpsUsed: me.powerUpsUsed,
    santa: {
      x: me.x,
      y: me.y,
      r: rules.santaRadius,
      look: me.look,
      frozenUntil: me.frozenUntil,
      graceUntil: me.graceUntil,
    },
    gift: { x: ps.gift.x, y: ps.gift.y, r: rules.giftRadius },
    giftAt: ps.gift.at,
    spawnLead: spawnLeadTicks(options.version ?? 1),
    ice: ps.ice.map((m) => mover(m, rules.iceRadius)),
    powerUps: ps.powerUps.map((p) => ({
      kind: p.kind,
      state: p.state,
      appearAtTick: p.state === "waiting" ? UNREVEALED : p.appearAtTick,
      body: mover(p, rules.powerUpRadius),
    })),
    flameUntil: me.flameUntil,
    cookieUntil: me.cookieUntil,
    others: options.race ? ps.santas.slice(1).map((o) => ({ ...o, r: rules.santaRadius })) : [],
  };
}
