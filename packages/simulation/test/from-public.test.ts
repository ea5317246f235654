import { describe, expect, it } from "vitest";
import {
  createRound,
  playInputs,
  publicState,
  type RoundState,
  roundFromPublic,
  stepRace,
  stepTick,
  UNREVEALED,
} from "../src";

/** What a player sees of a state (everything but the RNG and the rules' object). */
function seen(s: RoundState) {
  return publicState(s, 15);
}

describe("roundFromPublic", () => {
  it("rebuilds the field a player may know and plays on exactly until the RNG draws", () => {
    const server = createRound({ seed: 42, durationMs: 30_000 });
    playInputs(server, [[40, 100, 0]], null);
    const client = roundFromPublic(seen(server), { ticks: server.ticks, orientation: "landscape" });
    expect(seen(client)).toEqual(seen(server));
    expect(client.rng.state).not.toBe(server.rng.state);
    // Standing still draws nothing (no grab; power-ups come seconds later): the same states.
    for (let t = 0; t < 60; t++) {
      stepTick(server, 0, 0);
      stepTick(client, 0, 0);
    }
    expect(seen(client).santas).toEqual(seen(server).santas);
    expect(seen(client).ice).toEqual(seen(server).ice);
  });

  it("keeps a waiting power-up waiting: its time and body are the server's to reveal", () => {
    const server = createRound({ seed: 7, durationMs: 30_000 });
    const client = roundFromPublic(seen(server), { ticks: server.ticks, orientation: "landscape" });
    expect(client.powerUps.every((p) => p.appearAtTick === UNREVEALED)).toBe(true);
    playInputs(client, [[server.ticks, 0, 0]], null);
    expect(client.powerUps.every((p) => p.state === "waiting")).toBe(true);
  });

  it("plays the seat it is given and a portrait field", () => {
    const server = createRound({ seed: 3, orientation: "portrait" });
    const ps = seen(server);
    ps.santas.push({ ...(ps.santas[0] as (typeof ps.santas)[number]), x: 1234, score: 5 });
    const client = roundFromPublic(ps, { ticks: server.ticks, orientation: "portrait", seat: 1 });
    expect(client.field).toEqual(server.field);
    expect(client.santa.x).toBe(1234);
    expect(client.score).toBe(5);
  });

  it("keeps a race's every Santa in its seat, and plays on exactly as the server's race", () => {
    const server = createRound({ seed: 11, durationMs: 30_000, santas: 3 });
    const moves: [number, number][] = [
      [100, 0],
      [0, -100],
      [-70, 70],
    ];
    for (let t = 0; t < 30; t++) stepRace(server, moves);
    const client = roundFromPublic(seen(server), {
      ticks: server.ticks,
      orientation: "landscape",
      race: true,
    });
    expect(seen(client)).toEqual(seen(server));
    for (let t = 0; t < 30; t++) {
      stepRace(server, moves);
      stepRace(client, moves);
    }
    expect(seen(client).santas).toEqual(seen(server).santas);
  });
});
