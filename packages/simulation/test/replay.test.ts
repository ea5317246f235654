import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  appendInput,
  canonicalInputs,
  type InputRuns,
  InputRuns as InputRunsSchema,
  inputsIssue,
  quantizeInput,
  replay,
  stateHash,
  ticksFor,
  totalTicks,
} from "../src";
import { inputsForScore, playBot } from "../src/bot";

const params = { seed: 1234, duration_ms: 30_000, orientation: "landscape" as const };

describe("the inputs format", () => {
  it("records ticks run-length encoded and adds them up", () => {
    const runs: InputRuns = [];
    for (const [dx, dy] of [
      [0, 0],
      [0, 0],
      [100, 0],
      [100, 0],
      [100, 0],
      [-3, 7],
    ] as const)
      appendInput(runs, dx, dy);
    expect(runs).toEqual([
      [2, 0, 0],
      [3, 100, 0],
      [1, -3, 7],
    ]);
    expect(totalTicks(runs)).toBe(6);
    expect(
      canonicalInputs([
        [1, 5, 5],
        [2, 5, 5],
        [1, 0, 0],
      ]),
    ).toEqual([
      [3, 5, 5],
      [1, 0, 0],
    ]);
  });

  it("accepts integer ticks ≥ 1 and directions in ±100, naming the bad field otherwise", () => {
    expect(InputRunsSchema.safeParse([[1800, 100, -100]]).success).toBe(true);
    for (const bad of [
      [[0, 0, 0]],
      [[1.5, 0, 0]],
      [[1, 101, 0]],
      [[1, 0, -101]],
      [[1, 0]],
      [[1, 0, 0, 0]],
      [[1, "0", 0]],
      {},
    ]) {
      expect(InputRunsSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("wants the ticks to add up to round(duration_ms × 60 / 1000)", () => {
    expect(ticksFor(30_000)).toBe(1800);
    expect(ticksFor(1_500)).toBe(90);
    expect(ticksFor(1_008)).toBe(60);
    expect(inputsIssue([[1800, 0, 0]], 30_000)).toBeNull();
    expect(inputsIssue([[1799, 0, 0]], 30_000)).toMatch(/1799.*1800/);
    expect(
      inputsIssue(
        [
          [1000, 0, 0],
          [801, 1, 1],
        ],
        30_000,
      ),
    ).toMatch(/1801/);
  });

  it("quantizes a device direction to integers in ±100", () => {
    expect(quantizeInput(1, -1)).toEqual({ dx: 100, dy: -100 });
    expect(quantizeInput(0.505, 0)).toEqual({ dx: 51, dy: 0 });
    expect(quantizeInput(3, -0)).toEqual({ dx: 100, dy: 0 });
  });
});

describe("replay", () => {
  it("reproduces a played round: same score, power-ups and state hash", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const round = { ...params, seed };
      const bot = playBot(round, { seed, steer: 80 });
      const a = replay(round, bot.inputs);
      expect({ score: a.score, gifts: a.gifts, power_ups_used: a.power_ups_used }).toEqual({
        score: bot.score,
        gifts: bot.gifts,
        power_ups_used: bot.power_ups_used,
      });
      expect(replay(round, canonicalInputs(bot.inputs)).hash).toBe(a.hash);
      expect(a.hash).toMatch(/^[0-9a-f]{8}$/);
    }
  });

  it("scores what honest play scores (a bot steering at the gift: about 25–35 in 30 s)", () => {
    const scores = Array.from(
      { length: 20 },
      (_, i) => playBot({ ...params, seed: i + 1 }, { seed: i }).score,
    );
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...scores)).toBeLessThanOrEqual(45);
  });

  it("depends on every param: seed, duration and orientation", () => {
    const bot = playBot(params, { seed: 1 });
    const base = replay(params, bot.inputs).hash;
    expect(replay({ ...params, seed: 1235 }, bot.inputs).hash).not.toBe(base);
    expect(replay({ ...params, orientation: "portrait" }, bot.inputs).hash).not.toBe(base);
    expect(replay({ ...params, duration_ms: 29_000 }, bot.inputs).hash).not.toBe(base);
  });

  it("scores nothing for standing still, and one input more changes the hash", () => {
    const still = replay(params, [[1800, 0, 0]]);
    expect(still.score).toBe(0);
    expect(
      replay(params, [
        [1799, 0, 0],
        [1, 1, 0],
      ]).hash,
    ).not.toBe(still.hash);
    expect(stateHash(still.state)).toBe(still.hash);
  });

  it("finds inputs for a given score, and none for an impossible one", () => {
    const short = { ...params, duration_ms: 3_000 };
    for (const score of [0, 1]) {
      const inputs = inputsForScore(short, score);
      expect(inputs).not.toBeNull();
      expect(replay(short, inputs ?? []).score).toBe(score);
      expect(totalTicks(inputs ?? [])).toBe(ticksFor(short.duration_ms));
    }
    expect(inputsForScore(short, 110)).toBeNull();
  });
});

describe("the simulation's source", () => {
  it("uses no floating-point functions engines may round differently, no clock, no Math.random", () => {
    const dir = new URL("../src/", import.meta.url);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(new URL(file, dir), "utf8").replace(
        /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
        "",
      );
      expect({
        file,
        found: text.match(
          /Math\.(sin|cos|tan|atan2?|hypot|pow|exp|log\w*|random|cbrt|fround)\b|\bDate\b|[\w)\]]\s*\*\*/g,
        ),
      }).toEqual({ file, found: null });
    }
  });
});
