import { type RoundState, SUBUNITS, type Vec } from "@gift-grab/simulation";

/** Where everything that moves is, in world units: what the scene draws. */
export interface Positions {
  santa: Vec;
  gift: Vec;
  ice: Vec[];
  powerUps: (Vec | null)[];
}

const world = (p: Vec): Vec => ({ x: p.x / SUBUNITS, y: p.y / SUBUNITS });

export function positionsOf(s: RoundState): Positions {
  return {
    santa: world(s.santa),
    gift: world(s.gift),
    ice: s.ice.map(world),
    // A coming power-up (rules version 2) is drawn where it will land (field-view.ts).
    powerUps: s.powerUps.map((p) =>
      p.state === "active" || p.state === "coming" ? world(p.body) : null,
    ),
  };
}

const lerp = (a: Vec, b: Vec, t: number): Vec => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});

/**
 * The drawing between two ticks' states (`t` in [0, 1)). The gift only ever jumps (a grab
 * respawns it), and a power-up that just appeared has no earlier place: both are drawn where
 * they are now.
 */
export function interpolate(prev: Positions, cur: Positions, t: number): Positions {
  return {
    santa: lerp(prev.santa, cur.santa, t),
    gift: cur.gift,
    ice: cur.ice.map((b, i) => lerp(prev.ice[i] ?? b, b, t)),
    powerUps: cur.powerUps.map((b, i) => {
      const a = prev.powerUps[i];
      return b && a ? lerp(a, b, t) : b;
    }),
  };
}
