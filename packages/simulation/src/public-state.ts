import { type RoundEvent, type RoundState, racer, type SantaLook } from "./round";

/**
 * What a player may know of a round at a tick: what is on the field, and nothing the RNG
 * has not drawn yet. No seed, no RNG state, and a power-up's appearance time only once it is
 * within `leadTicks` of appearing. The live round's server sends this on (re)join; a client
 * continues from it with its own inputs and the spawns the server reveals as they happen.
 */
export interface SantaView {
  score: number;
  gifts: number;
  powerUpsUsed: number;
  x: number;
  y: number;
  look: SantaLook;
  frozenUntil: number;
  graceUntil: number;
  flameUntil: number;
  cookieUntil: number;
}

export interface MoverView {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export interface PowerUpView extends MoverView {
  kind: "flame" | "cookie";
  /** coming: drawn (its place known), on the field from appearAtTick (rules version 2). */
  state: "waiting" | "coming" | "active" | "taken";
  /** UNREVEALED until the lead before it appears (or, in version 2, until it is drawn). */
  appearAtTick: number;
}

export interface PublicState {
  tick: number;
  santas: SantaView[];
  /** `at`: the tick the gift is on the field from (a coming gift, rules version 2). */
  gift: { x: number; y: number; at: number };
  ice: MoverView[];
  powerUps: PowerUpView[];
}

/** An appearance time not revealed yet (the largest uint32). */
export const UNREVEALED = 0xffffffff;

/** A power-up's appearance time is known to players from this tick on. */
export function revealTick(appearAtTick: number, leadTicks: number): number {
  return Math.max(0, appearAtTick - leadTicks);
}

/**
 * The public state at `clockTick` on the round's clock (at or past s.tick: the server may
 * reveal an appearance time by the clock before it has simulated that far).
 */
export function publicState(s: RoundState, leadTicks: number, clockTick = s.tick): PublicState {
  const santas: SantaView[] = [];
  for (let i = 0; i <= s.others.length; i++) {
    const r = racer(s, i);
    santas.push({
      score: r.score,
      gifts: r.gifts,
      powerUpsUsed: r.powerUpsUsed,
      x: r.x,
      y: r.y,
      look: r.look,
      frozenUntil: r.frozenUntil,
      graceUntil: r.graceUntil,
      flameUntil: r.flameUntil,
      cookieUntil: r.cookieUntil,
    });
  }
  return {
    tick: s.tick,
    santas,
    gift: { x: s.gift.x, y: s.gift.y, at: s.giftAt },
    ice: s.ice.map((m) => ({ x: m.x, y: m.y, vx: m.vx, vy: m.vy })),
    powerUps: s.powerUps.map((p) => ({
      kind: p.kind,
      state: p.state,
      appearAtTick:
        p.state !== "waiting" || clockTick >= revealTick(p.appearAtTick, leadTicks)
          ? p.appearAtTick
          : UNREVEALED,
      // A waiting power-up's body is a placeholder until the RNG draws it.
      ...(p.state === "waiting"
        ? { x: 0, y: 0, vx: 0, vy: 0 }
        : { x: p.body.x, y: p.body.y, vx: p.body.vx, vy: p.body.vy }),
    })),
  };
}

/**
 * A spawn a player learns about: the RNG drew it (gift, power-up: `tick` when drawn, `at` when
 * it is on the field) or its time came near.
 */
export type Reveal =
  | { type: "gift"; tick: number; at: number; x: number; y: number }
  | { type: "power_up_time"; index: number; appearAtTick: number }
  | ({ type: "power_up"; index: number; tick: number; at: number } & MoverView);

/**
 * What events drew from the RNG, as reveals, each at its tick: a grab places the next gift; a
 * power-up's appearance places its body. The events may span many ticks (one playInputs or
 * playRace call).
 */
export function spawnsOf(events: readonly RoundEvent[], out: Reveal[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RoundEvent;
    if (e.type === "grab")
      out.push({ type: "gift", tick: e.tick, at: e.nextAt, x: e.next.x, y: e.next.y });
    else if (e.type === "powerup_appear") {
      const b = e.body;
      out.push({
        type: "power_up",
        index: e.index,
        tick: e.tick,
        at: e.at,
        x: b.x,
        y: b.y,
        vx: b.vx,
        vy: b.vy,
      });
    }
  }
}
