import { cookieLeftMs, flameLeftMs, type RoundState, timeLeftMs } from "@gift-grab/simulation";

/** What the round's HUD reads (round-hud.ts draws it). */
export interface HudTexts {
  /** "Score: N"; empty for a spectator. */
  score: string;
  /** "Time: N secs", under the title when there is one (Watch names the run). */
  time: string;
  /** Power-up countdowns ("Flame Time: 3   Cookie: 2"); empty when none is on. */
  power: string;
  /** Whole seconds left. */
  secs: number;
}

/**
 * The HUD's words for `round` as the viewer sees it. `own`: the round's Santa is the viewer's.
 * A spectator of a race (a shared link) raced in none of its seats: the Santa the field
 * follows isn't theirs, so neither its score nor its power-ups are shown as theirs (the
 * standings say every seat's score).
 */
export function hudTexts(round: RoundState, title: string | null, own = true): HudTexts {
  const secs = Math.ceil(timeLeftMs(round) / 1000);
  const time = `Time: ${secs} secs`;
  const power: string[] = [];
  if (own) {
    const flame = flameLeftMs(round);
    const cookie = cookieLeftMs(round);
    if (flame > 0) power.push(`Flame Time: ${Math.ceil(flame / 1000)}`);
    if (cookie > 0) power.push(`Cookie: ${Math.ceil(cookie / 1000)}`);
  }
  return {
    score: own ? `Score: ${round.score}` : "",
    time: title ? `${title}\n${time}` : time,
    power: power.join("   "),
    secs,
  };
}
