import {
  createRng,
  type InputRuns,
  nextInt,
  type Orientation,
  replay,
  replayRace,
} from "@gift-grab/simulation";
import { playBot, playRaceBots } from "@gift-grab/simulation/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codecCases } from "../determinism/codec-cases";
import { codecCheck, liveRoundDrive, simRaceBatch, simReplayBatch } from "../determinism/contract";
import { type DriveSpec, driveLiveRound } from "../determinism/live-driver";
import { startDeterminismStack } from "../determinism/stack";
import { call, player } from "./rounds-client";

// One simulation, two runtimes: Node's V8 here and Nakama's goja must reach bit-identical
// final states. 500 bot runs with every kind of play (steering, random walks, standing
// still), lengths from one tick to a minute, both orientations; all from one fixed seed so
// a failure names a run that fails again.
const RUNS = 500;
// Small batches: each request's replays must end well inside Nakama's 10 s
// socket.write_timeout_ms even on a CPU shared with other test files (25 runs of up to a
// minute did not, once, and the connection closed unanswered).
const BATCH = 5;
const MASTER_SEED = 0x13_2026;

let env: Awaited<ReturnType<typeof startDeterminismStack>>;

beforeAll(async () => {
  env = await startDeterminismStack();
});
afterAll(async () => {
  await env?.stop();
});

interface Run {
  seed: number;
  duration_ms: number;
  orientation: Orientation;
  rules_version: 1 | 2;
  inputs: InputRuns;
}

function randomRuns(): Run[] {
  const rng = createRng(MASTER_SEED);
  return Array.from({ length: RUNS }, (_, i) => {
    const params = {
      seed: nextInt(rng, 0, 0xffffffff),
      duration_ms:
        i < 5 ? ([17, 1000, 30_000, 45_000, 60_000][i] ?? 1000) : nextInt(rng, 1, 60_000),
      orientation: (nextInt(rng, 0, 1) ? "portrait" : "landscape") as Orientation,
      // Both rules versions: the stored runs of version 1, what is played now in version 2.
      rules_version: (i % 8 < 4 ? 1 : 2) as 1 | 2,
    };
    const steer = [100, 0, 50, nextInt(rng, 0, 100)][i % 4] ?? 100;
    return { ...params, inputs: playBot(params, { seed: nextInt(rng, 0, 1e9), steer }).inputs };
  });
}

describe("the simulation in V8 and in goja", () => {
  it(`reaches the same final state for ${RUNS} random bot runs`, async () => {
    const runs = randomRuns();
    const { session } = await player(env.stack.port);
    const mismatches: string[] = [];
    let scored = 0;
    let gojaMs = 0;
    for (let i = 0; i < runs.length; i += BATCH) {
      const batch = runs.slice(i, i + BATCH);
      const res = await call(env.stack.port, session, simReplayBatch.id, { runs: batch });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const { results, elapsed_ms } = simReplayBatch.response.parse(res.json);
      expect(results).toHaveLength(batch.length);
      gojaMs += elapsed_ms;
      batch.forEach((run, j) => {
        const node = replay(run, run.inputs);
        const goja = results[j];
        if (node.score > 0) scored++;
        const mine = {
          hash: node.hash,
          score: node.score,
          gifts: node.gifts,
          power_ups_used: node.power_ups_used,
        };
        if (JSON.stringify(mine) !== JSON.stringify(goja))
          mismatches.push(
            `run ${i + j} (seed ${run.seed}, ${run.duration_ms} ms, ${run.orientation}, rules ${run.rules_version}): node ${JSON.stringify(mine)} goja ${JSON.stringify(goja)}`,
          );
      });
    }
    const seconds = runs.reduce((sum, r) => sum + r.duration_ms / 1000, 0);
    console.info(
      `goja replayed ${RUNS} runs in ${gojaMs} ms (${(gojaMs / seconds).toFixed(2)} ms per Santa-second)`,
    );
    expect(mismatches).toEqual([]);
    // The runs exercise the rules: most score, some take power-ups.
    expect(scored).toBeGreaterThan(RUNS / 2);
  }, 300_000);

  it("tells a different final state apart (the comparison can fail)", async () => {
    const [run] = randomRuns();
    if (!run) throw new Error("no run");
    const { session } = await player(env.stack.port);
    const changed = { ...run, seed: (run.seed ^ 1) >>> 0 };
    const res = await call(env.stack.port, session, simReplayBatch.id, { runs: [run, changed] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const { results } = simReplayBatch.response.parse(res.json);
    expect(results[0]?.hash).toBe(replay(run, run.inputs).hash);
    expect(results[1]?.hash).not.toBe(results[0]?.hash);
  });

  it("reaches the same final state for races of 2 and 4 Santas, and the race loop's solo round, under both rules versions", async () => {
    const rng = createRng(MASTER_SEED ^ 0x26);
    const races = Array.from({ length: 48 }, (_, i) => {
      const params = {
        seed: nextInt(rng, 0, 0xffffffff),
        duration_ms: i < 3 ? 30_000 : nextInt(rng, 1, 40_000),
        orientation: (nextInt(rng, 0, 1) ? "portrait" : "landscape") as Orientation,
        rules_version: (i % 4 < 2 ? 2 : 1) as 1 | 2,
      };
      // 2 and 4 Santas mostly; every sixth a race of one, which must be the solo round.
      const santas = i % 6 === 5 ? 1 : i % 2 ? 4 : 2;
      const steer = [nextInt(rng, 0, 100), 100, nextInt(rng, 50, 100), 0];
      const { inputs } = playRaceBots(params, santas, { seed: nextInt(rng, 0, 1e9), steer });
      return { ...params, santas, inputs };
    });
    const { session } = await player(env.stack.port);
    const mismatches: string[] = [];
    let contested = 0;
    let gojaMs = 0;
    for (let i = 0; i < races.length; i += 6) {
      const batch = races.slice(i, i + 6);
      const res = await call(env.stack.port, session, simRaceBatch.id, { runs: batch });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const { results, elapsed_ms } = simRaceBatch.response.parse(res.json);
      gojaMs += elapsed_ms;
      batch.forEach((race, j) => {
        const node = replayRace(race, race.santas, race.inputs);
        const mine = { hash: node.hash, santas: node.santas };
        if (JSON.stringify(mine) !== JSON.stringify(results[j]))
          mismatches.push(
            `race ${i + j}: node ${JSON.stringify(mine)} goja ${JSON.stringify(results[j])}`,
          );
        if (race.santas === 1) expect(node.hash).toBe(replay(race, race.inputs[0] ?? []).hash);
        if (node.santas.filter((s) => s.score > 0).length >= 2) contested++;
      });
    }
    const santaSeconds = races.reduce((sum, r) => sum + (r.santas * r.duration_ms) / 1000, 0);
    console.info(`goja: races replay at ${(gojaMs / santaSeconds).toFixed(2)} ms per Santa-second`);
    expect(mismatches).toEqual([]);
    // Most races have more than one Santa scoring: the gift is contested.
    expect(contested).toBeGreaterThan(races.length / 2);
  }, 300_000);

  it("plays whole live rounds through the match handler to the same messages, states and scores", async () => {
    const rng = createRng(MASTER_SEED ^ 0x25);
    const rounds: DriveSpec[] = Array.from({ length: 8 }, (_, i) => ({
      seed: nextInt(rng, 0, 0xffffffff),
      duration_ms: i === 0 ? 30_000 : nextInt(rng, 500, 12_000),
      orientation: (i % 2 ? "portrait" : "landscape") as Orientation,
      bot_seed: nextInt(rng, 0, 1e9),
      lose_every: [0, 2, 5, 9][i % 4] ?? 0,
      late_every: [0, 3, 0, 4][i % 4] ?? 0,
      pause_at: i % 3 === 1 ? nextInt(rng, 1, 200) : 0,
    }));
    const { session } = await player(env.stack.port);
    let scored = 0;
    let held = 0;
    let gojaMs = 0;
    for (let i = 0; i < rounds.length; i += 2) {
      const batch = rounds.slice(i, i + 2);
      const res = await call(env.stack.port, session, liveRoundDrive.id, { rounds: batch });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const { results, elapsed_ms } = liveRoundDrive.response.parse(res.json);
      gojaMs += elapsed_ms;
      batch.forEach((spec, j) => {
        const node = JSON.parse(JSON.stringify(driveLiveRound(spec)));
        expect(results[j], `round ${i + j}`).toEqual(node);
        // The server's record is the replay of what it played, under the rules it played.
        expect(node.rules_version).toBe(2);
        expect(replay({ ...spec, rules_version: 2 }, node.inputs).score).toBe(node.score);
        if (node.score > 0) scored++;
        if (node.end?.held) held++;
      });
    }
    // The driver's bot is a program (it turns to a new gift within a loop): its rounds with 5
    // gifts or more are held for review, the others written. goja's match handler wrote END
    // either way and the goja driver decoded it, equal to Node's.
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(rounds.length);
    // What the handler (and the driver's bot, and the fake nk) cost in goja per second played.
    const playedS = rounds.reduce((sum, r) => sum + r.duration_ms / 1000, 0);
    console.info(`goja: live rounds cost ${(gojaMs / playedS).toFixed(2)} ms per second played`);
    expect(scored).toBeGreaterThan(rounds.length / 2);
  }, 120_000);

  it("plays whole races of 2 and 4 Santas (players and server bots) through the match handler the same", async () => {
    const rng = createRng(MASTER_SEED ^ 0x26);
    const races: DriveSpec[] = Array.from({ length: 6 }, (_, i) => ({
      seed: nextInt(rng, 0, 0xffffffff),
      duration_ms: i === 0 ? 30_000 : nextInt(rng, 4_000, 12_000),
      orientation: (i % 2 ? "portrait" : "landscape") as Orientation,
      bot_seed: nextInt(rng, 0, 1e9),
      lose_every: [0, 2, 5][i % 3] ?? 0,
      late_every: [0, 3, 0][i % 3] ?? 0,
      pause_at: i % 3 === 1 ? nextInt(rng, 1, 200) : 0,
      seats: i % 2 ? 4 : 2,
      // 2 players in every race, the rest bots; one 4-Santa race of 4 players.
      players: i === 3 ? 4 : 2,
    }));
    const { session } = await player(env.stack.port);
    let contested = 0;
    for (let i = 0; i < races.length; i += 2) {
      const batch = races.slice(i, i + 2);
      const res = await call(env.stack.port, session, liveRoundDrive.id, { rounds: batch });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const { results } = liveRoundDrive.response.parse(res.json);
      batch.forEach((spec, j) => {
        const node = JSON.parse(JSON.stringify(driveLiveRound(spec)));
        expect(results[j], `race ${i + j}`).toEqual(node);
        // The stored race is the replay of what every seat played.
        const again = replayRace({ ...spec, rules_version: 2 }, spec.seats ?? 1, node.race.inputs);
        expect(again.santas.map((s) => s.score)).toEqual(node.race.scores);
        if (node.race.scores.filter((s: number) => s > 0).length >= 2) contested++;
      });
    }
    expect(contested).toBeGreaterThan(races.length / 2);
  }, 120_000);

  it("encodes and decodes the match messages to the same bytes and values (race FRAME runs, the server's INPUT read, LOBBY, LOBBY_CLOSED)", async () => {
    const { session } = await player(env.stack.port);
    const res = await call(env.stack.port, session, codecCheck.id, {});
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const node = JSON.parse(JSON.stringify(codecCases()));
    expect(res.json).toEqual(node);
    // The cases refuse what they should: the comparison is of answers that mean something.
    expect(node.threw).toBe(0);
    expect(node.refused_inputs).toEqual([true, true, true, true, true, true, false]);
    expect(node.refused_frames.length).toBeGreaterThan(20);
    expect(node.lobby_closed).toEqual([
      { hex: "00", back: { reason: "host_closed" } },
      { hex: "01", back: { reason: "expired" } },
    ]);
    expect(node.refused_lobby_closed).toEqual([true, true, true, true]);
    expect(node.lobby.back.players[1].name).toBe("x".repeat(20));
  });
});
