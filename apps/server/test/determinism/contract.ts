import { defineRpc } from "@gift-grab/contracts";
import { InputRuns, RoundParams } from "@gift-grab/simulation";
import * as z from "zod/mini";

/** The one RPC of the determinism module: replay these runs in goja, hash each final state. */
export const simReplayBatch = defineRpc({
  id: "sim_replay_batch",
  // A batch of up to 200 runs: far over any player's request (test stack only, whose
  // Nakama reads requests this large: stack.ts).
  limits: { maxChars: 8 * 1024 * 1024, maxDepth: 5 },
  request: z.strictObject({
    runs: z.array(z.extend(RoundParams, { inputs: InputRuns })).check(z.maxLength(200)),
  }),
  response: z.strictObject({
    results: z.array(
      z.strictObject({
        hash: z.string(),
        score: z.int(),
        gifts: z.int(),
        power_ups_used: z.int(),
      }),
    ),
    /** Time the replays took in goja (Date.now resolution: ms). */
    elapsed_ms: z.number(),
  }),
});

/** Races (2–4 Santas; 1: the race loop on a solo round) replayed in goja, hash and scores. */
export const simRaceBatch = defineRpc({
  id: "sim_race_batch",
  limits: { maxChars: 8 * 1024 * 1024, maxDepth: 6 },
  request: z.strictObject({
    runs: z
      .array(
        z.extend(RoundParams, {
          santas: z.int().check(z.gte(1), z.lte(4)),
          inputs: z.array(InputRuns).check(z.maxLength(4)),
        }),
      )
      .check(z.maxLength(50)),
  }),
  response: z.strictObject({
    results: z.array(
      z.strictObject({
        hash: z.string(),
        santas: z.array(
          z.strictObject({ score: z.int(), gifts: z.int(), power_ups_used: z.int() }),
        ),
      }),
    ),
    elapsed_ms: z.number(),
  }),
});

/** Plays whole live rounds through the match handler's functions in goja (live-driver.ts). */
export const liveRoundDrive = defineRpc({
  id: "live_round_drive",
  // A batch of round descriptions (test stack only).
  limits: { maxChars: 64 * 1024, maxDepth: 3 },
  request: z.strictObject({
    rounds: z
      .array(
        z.strictObject({
          seed: z.int().check(z.gte(0), z.lte(0xffffffff)),
          duration_ms: z.int().check(z.positive(), z.lte(60_000)),
          orientation: z.enum(["landscape", "portrait"]),
          bot_seed: z.int(),
          lose_every: z.int().check(z.nonnegative()),
          late_every: z.int().check(z.nonnegative()),
          pause_at: z.int().check(z.nonnegative()),
          seats: z.optional(z.int().check(z.gte(1), z.lte(4))),
          players: z.optional(z.int().check(z.gte(1), z.lte(4))),
        }),
      )
      .check(z.maxLength(10)),
  }),
  response: z.strictObject({
    results: z.array(z.record(z.string(), z.unknown())),
    elapsed_ms: z.number(),
  }),
});

/** Races played through the match handler in goja, for their cost (race-cost.ts). */
export const liveRaceCost = defineRpc({
  id: "live_race_cost",
  limits: { maxChars: 4 * 1024, maxDepth: 3 },
  request: z.strictObject({
    races: z
      .array(
        z.strictObject({
          seed: z.int().check(z.gte(0), z.lte(0xffffffff)),
          duration_ms: z.int().check(z.positive(), z.lte(60_000)),
          seats: z.int().check(z.gte(1), z.lte(4)),
          redundancy: z.int().check(z.gte(1), z.lte(30)),
          send_every: z.int().check(z.gte(0), z.lte(10)),
        }),
      )
      .check(z.maxLength(20)),
  }),
  response: z.strictObject({
    results: z.array(z.record(z.string(), z.number())),
    elapsed_ms: z.number(),
  }),
});

/** The match codec's cases in goja (codec-cases.ts): the same answers as Node's. */
export const codecCheck = defineRpc({
  id: "codec_check",
  limits: { maxChars: 64, maxDepth: 2 },
  request: z.strictObject({}),
  response: z.record(z.string(), z.unknown()),
});
