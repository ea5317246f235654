/**
 * A Nakama module for tests and benchmarks only, built by scripts/build-module.mjs like the
 * real one and loaded by a stack of its own: it replays runs with the same simulation the
 * real module bundles, in the same goja VM under the same config, so a test can compare the
 * final states with Node's, and plays live rounds through the match handler's functions.
 * The production module carries no trace of it.
 */
import { replay, replayRace } from "@gift-grab/simulation";
import { rpcEntry } from "../../src/runtime/dispatch-rpc";

import { defineHandler } from "../../src/runtime/handle-rpc";
import { type HookRegistry, type RpcRegistry, rpcRegistry } from "../../src/runtime/registry";
import { codecCases } from "./codec-cases";
import { codecCheck, liveRaceCost, liveRoundDrive, simRaceBatch, simReplayBatch } from "./contract";
import { driveLiveRound } from "./live-driver";
import { raceCost } from "./race-cost";

const simReplayBatchHandler = defineHandler(simReplayBatch, {
  run({ runs }) {
    const began = Date.now();
    const results = runs.map((run) => {
      const { hash, score, gifts, power_ups_used } = replay(run, run.inputs);
      return { hash, score, gifts, power_ups_used };
    });
    return { results, elapsed_ms: Date.now() - began };
  },
});

const simRaceBatchHandler = defineHandler(simRaceBatch, {
  run({ runs }) {
    const began = Date.now();
    const results = runs.map((run) => {
      const { hash, santas } = replayRace(run, run.santas, run.inputs);
      return { hash, santas };
    });
    return { results, elapsed_ms: Date.now() - began };
  },
});

const liveRoundDriveHandler = defineHandler(liveRoundDrive, {
  run({ rounds }) {
    const began = Date.now();
    const results = rounds.map((spec) => ({ ...driveLiveRound(spec) }));
    return { results, elapsed_ms: Date.now() - began };
  },
});

const liveRaceCostHandler = defineHandler(liveRaceCost, {
  run({ races }) {
    const began = Date.now();
    const results = races.map((spec) => ({ ...raceCost(spec) }));
    return { results, elapsed_ms: Date.now() - began };
  },
});

const codecCheckHandler = defineHandler(codecCheck, {
  run: () => codecCases(),
});

export const rpcs: RpcRegistry = rpcRegistry(
  [simReplayBatch, simRaceBatch, liveRoundDrive, liveRaceCost, codecCheck],
  [
    simReplayBatchHandler,
    simRaceBatchHandler,
    liveRoundDriveHandler,
    liveRaceCostHandler,
    codecCheckHandler,
  ],
);

export const hooks: HookRegistry = {};

export function init(_ctx: nkruntime.Context, logger: nkruntime.Logger) {
  logger.info("determinism module loaded");
}

export const runRpc = rpcEntry(() => rpcs);
