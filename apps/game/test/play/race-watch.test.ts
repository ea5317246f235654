import { raceGet } from "@gift-grab/contracts";
import { placesOf, replayRace } from "@gift-grab/simulation";
import { playRaceBots } from "@gift-grab/simulation/bot";
import { describe, expect, it } from "vitest";
import type { StoredRace } from "../../src/net/types";
import { playedOut, RaceReplay, racersOf } from "../../src/play/race-watch";

/**
 * A stored race as race_get answers it: 4 Santas of the simulation's bots (one mostly
 * wandering, one whose inputs end early, as a seat that stood still), their scores as the
 * race scored them, checked against race_get's contract.
 */
function storedRace(rulesVersion?: 2): StoredRace {
  const params = {
    seed: 4242,
    duration_ms: 12_000,
    orientation: "landscape" as const,
    ...(rulesVersion ? { rules_version: rulesVersion } : {}),
  };
  const run = playRaceBots(params, 4, { seed: 7, steer: [100, 90, 20, 100] });
  // Seat 3 stops sending after 2 s: the rest of its race is standing still.
  const short = run.inputs[3]?.slice(0, 4) ?? [];
  const inputs = [...run.inputs.slice(0, 3), short];
  const scored = replayRace(params, 4, inputs);
  return raceGet.response.parse({
    ...params,
    match_id: "race-1.nakama",
    santas: inputs.map((seatInputs, i) => ({
      user_id: i === 2 ? "" : `user-${i}`,
      username: `player${i}`,
      ...(i === 1 ? {} : { name: i === 3 ? "A name of twenty-four!" : `Santa Name ${i}` }),
      bot: i === 2,
      inputs: seatInputs,
      score: scored.santas[i]?.score ?? 0,
      gifts: scored.santas[i]?.gifts ?? 0,
      power_ups_used: scored.santas[i]?.power_ups_used ?? 0,
    })),
    ended: "completed",
    played_at: Date.UTC(2026, 0, 5),
  });
}

describe("watching a stored race", () => {
  it.each([
    ["stored before rules version 2 (no version: 1)", undefined],
    ["of rules version 2", 2 as const],
  ])(
    "%s, played tick by tick, ends on the record's scores and the server's final state",
    (_, v) => {
      const race = storedRace(v);
      expect(race.rules_version).toBe(v);
      const expected = race.santas.map((s) => s.score);
      // A race worth watching: gifts went to more than one Santa.
      expect(expected.filter((s) => s > 0).length).toBeGreaterThan(1);
      const r = new RaceReplay(race);
      let ticks = 0;
      let ends = 0;
      while (!r.over) {
        ends += r.step().filter((e) => e.type === "end").length;
        ticks += 1;
      }
      expect(ticks).toBe(r.round.ticks);
      expect(ends).toBe(1);
      expect(r.scores()).toEqual(expected);
      expect(placesOf(r.scores())).toEqual(placesOf(expected));
      // The same state the server's replayRace reaches, every Santa, spawn and draw.
      const server = replayRace(
        race,
        race.santas.length,
        race.santas.map((s) => s.inputs),
      );
      expect(r.round).toEqual(server.state);
      expect(r.step()).toEqual([]); // over: nothing more happens
    },
  );

  it("names each seat as the race showed it (the username in an older record) and marks bots", () => {
    const race = storedRace();
    expect(racersOf(race)).toEqual([
      { name: "Santa Name 0", bot: false },
      { name: "player1", bot: false },
      { name: "Santa Name 2", bot: true },
      { name: "A name of twenty-fou", bot: false }, // cut to 20, as START cuts it
    ]);
    expect(playedOut(race).scores()).toEqual(race.santas.map((s) => s.score));
  });
});
