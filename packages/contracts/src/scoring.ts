import { GameRules } from "@gift-grab/simulation";

/** The rules the bound reads, as plain numbers (so tests can vary them). */
export interface ScoringRules {
  world: { width: number; height: number };
  santa: { radius: number; speed: number };
  gift: { radius: number; minSpawnDistance: number };
  powerUps: { cookieMs: number; cookieSpeedMultiplier: number };
}

/** Extra time granted on top of the round, for frame timing at the round's edges. */
export const SCORE_TIME_SLACK_MS = 500;
/** Extra grabs granted on top of the bound (a gift touched on the very last frame). */
export const SCORE_GRAB_SLACK = 1;

/**
 * The highest score the rules allow in a round of `roundMs`: anything above is a cheat.
 *
 * A gift spawns at least `gift.minSpawnDistance` (centre to centre) from Santa, and a grab
 * happens when the two circles touch, so each grab needs Santa to cover at least
 *   d = min(minSpawnDistance, world diagonal) − santa.radius − gift.radius.
 * The farthest Santa can go in T ms is his speed for all of T plus the cookie's extra
 * speed for the part of T it can last (one cookie per round):
 *   D = speed · (T + min(cookieMs, T) · (cookieSpeedMultiplier − 1)) / 1000.
 * Ignoring ice, turns and the time to reach the cookie only makes the bound looser, so
 *   max = floor(D / d) + SCORE_GRAB_SLACK, with T = roundMs + SCORE_TIME_SLACK_MS.
 */
export function maxPlausibleScore(roundMs: number, rules: ScoringRules = GameRules): number {
  if (!(roundMs > 0)) return 0;
  const t = roundMs + SCORE_TIME_SLACK_MS;
  const diagonal = Math.hypot(rules.world.width, rules.world.height);
  const perGrab =
    Math.min(rules.gift.minSpawnDistance, diagonal) - rules.santa.radius - rules.gift.radius;
  const boostedMs = Math.min(rules.powerUps.cookieMs, t);
  const distance =
    (rules.santa.speed * (t + boostedMs * (rules.powerUps.cookieSpeedMultiplier - 1))) / 1000;
  // A rule set where gifts can spawn touching Santa has no distance bound: fall back to
  // one grab per frame at 60 fps, still finite.
  if (perGrab <= 0) return Math.floor((t / 1000) * 60) + SCORE_GRAB_SLACK;
  return Math.floor(distance / perGrab) + SCORE_GRAB_SLACK;
}
