import { MAX_NAME_CHARS, type StartPlayer } from "@gift-grab/contracts";
import { type RoundEvent, type RoundState, racer, roundFor, stepRace } from "@gift-grab/simulation";
import type { StoredRace } from "../net/types";
import { ReplayCursor } from "./watch";

/** A finished race to watch (race_get's answer), and where Watch goes back to. */
export interface RaceWatchData {
  race: StoredRace;
  /**
   * The watcher's seat: their Santa is the field's own, their tag says "You". -1: the watcher
   * raced in none (a shared link): the first seat's Santa is the field's, every tag a name.
   */
  seat: number;
  /** The scene (and its data) Back returns to. */
  back: { scene: string; data?: object };
  /** Share offers the race's link (a race the server stored). */
  share?: { raceId: string };
}

/**
 * Plays a stored race again, tick by tick, from its params and every seat's inputs, with the
 * race's own rules (packages/simulation's stepRace: the rules are never written twice). Each
 * seat's inputs are handed out by a ReplayCursor, standing still once they run out, as the
 * server's replayRace plays them; the end is the record's scores.
 */
export class RaceReplay {
  readonly round: RoundState;
  private readonly cursors: ReplayCursor[];
  private readonly directions: [number, number][];

  constructor(race: StoredRace) {
    this.round = roundFor(race, race.santas.length);
    this.cursors = race.santas.map((s) => new ReplayCursor(s.inputs));
    this.directions = race.santas.map(() => [0, 0]);
  }

  get over(): boolean {
    return this.round.over;
  }

  /** One tick, every Santa on its next input: what happened (none once over). */
  step(): RoundEvent[] {
    if (this.round.over) return [];
    this.cursors.forEach((c, i) => {
      const { dx, dy } = c.next();
      const d = this.directions[i] as [number, number];
      d[0] = dx;
      d[1] = dy;
    });
    return stepRace(this.round, this.directions);
  }

  /** Every seat's score now. */
  scores(): number[] {
    return this.cursors.map((_, i) => racer(this.round, i).score);
  }
}

/** The whole race at once (a test's check, or a result without the drawing). */
export function playedOut(race: StoredRace): RaceReplay {
  const r = new RaceReplay(race);
  while (!r.over) r.step();
  return r;
}

/**
 * Each seat as the race named it: the name it showed (the username in an older record), cut
 * as START cuts it, and whether a bot played it.
 */
export function racersOf(race: StoredRace): StartPlayer[] {
  return race.santas.map((s) => ({
    name: (s.name || s.username).slice(0, MAX_NAME_CHARS),
    bot: s.bot,
  }));
}
