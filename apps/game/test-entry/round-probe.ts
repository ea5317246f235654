import {
  cookieLeftMs,
  flameLeftMs,
  SUBUNITS,
  stateHash,
  ticksToMs,
  timeLeftMs,
  type Vec,
} from "@gift-grab/simulation";
import { worldField } from "../src/views/round/field-view";
import type { RoundSight } from "../src/views/round/round-sight";

/** The "round" report the probe answers from the round scene's sight. */
export function describeRound(v: RoundSight) {
  const r = v.round;
  const at = v.at;
  const onPage = (p: Vec) => v.toPage(v.field.toScreen(p));
  return {
    phase: v.phase,
    seed: v.seed,
    speed: v.speed,
    score: r.score,
    /** The whole simulation state's hash: a replay of the same inputs ends on the same one. */
    hash: stateHash(r),
    gifts: r.gifts,
    powerUpsUsed: r.powerUpsUsed,
    timeLeftMs: timeLeftMs(r),
    durationMs: ticksToMs(r.ticks),
    field: { ...worldField(r), page: { ...onPage({ x: 0, y: 0 }), scale: v.field.fieldScale } },
    santa: { ...at.santa, look: r.santa.look, page: onPage(at.santa) },
    gift: { ...at.gift, page: onPage(at.gift) },
    ice: at.ice.map((b) => ({ x: b.x, y: b.y, page: onPage(b) })),
    powerUps: r.powerUps.map((p, i) => {
      const b = at.powerUps[i] ?? { x: p.body.x / SUBUNITS, y: p.body.y / SUBUNITS };
      return { kind: p.kind, state: p.state, x: b.x, y: b.y, page: onPage(b) };
    }),
    flameLeftMs: flameLeftMs(r),
    cookieLeftMs: cookieLeftMs(r),
    hud: v.hud,
    muted: v.muted,
    /** The mute button on the page: its centre and size in CSS pixels. */
    mute: {
      ...v.toPage({ x: v.mute.x + v.mute.width / 2, y: v.mute.y + v.mute.height / 2 }),
      width: v.mute.width * v.pageScale,
      height: v.mute.height * v.pageScale,
    },
    joystick: v.stick
      ? {
          ...v.toPage(v.stick.base),
          radius: v.stick.radius * v.pageScale,
          knob: v.toPage(v.stick.knob),
        }
      : null,
    /** Where a followed finger has Santa heading, on the page. */
    aim: v.aim ? onPage(v.aim) : null,
    bench: v.bench ?? 0,
    live: v.live,
    watching: v.watching ? { title: v.watching.title, score: v.watching.score } : null,
    watchSpeed: v.watchSpeed,
  };
}
