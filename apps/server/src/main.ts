/**
 * The module's registry: every RPC and hook Nakama should know, by id. scripts/build.mjs
 * bundles this file and generates the glue Nakama's parser needs (a top-level function per
 * entry and an InitModule that registers each with a literal id), so the AST rules in
 * docs/architecture.md hold by construction. Add an RPC here: one line.
 */
import {
  LEADERBOARD_VIEW,
  PLAYER_STATS_GET,
  ROUND_START,
  ROUND_SUBMIT,
  SESSION_CHECK,
} from "@gift-grab/contracts";
import { rpcLeaderboardView } from "./leaderboard/leaderboard-view";
import { createWeeklyBoard } from "./leaderboard/weekly-board";
import { rpcRoundStart } from "./rounds/round-start";
import { rpcRoundSubmit } from "./rounds/round-submit";
import { rpcSessionCheck } from "./rpcs/session-check";
import { callRpc } from "./runtime/call-rpc";
import type { HookRegistry, RpcRegistry } from "./runtime/registry";
import { rpcPlayerStatsGet } from "./stats/player-stats";

export const rpcs: RpcRegistry = {
  [SESSION_CHECK]: rpcSessionCheck,
  [ROUND_START]: rpcRoundStart,
  [ROUND_SUBMIT]: rpcRoundSubmit,
  [LEADERBOARD_VIEW]: rpcLeaderboardView,
  [PLAYER_STATS_GET]: rpcPlayerStatsGet,
  // new:rpc inserts above this line
};

export const hooks: HookRegistry = {};

/** Runs once in InitModule (in its own unfrozen VM), after the registrations. */
export function init(_ctx: nkruntime.Context, logger: nkruntime.Logger, nk: nkruntime.Nakama) {
  createWeeklyBoard(nk, logger);
  logger.info("gift-grab module loaded");
}

/** Entry for the generated glue: see runtime/call-rpc.ts. */
export function runRpc(
  id: string,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  payload: string,
) {
  return callRpc(rpcs, id, ctx, logger, nk, payload);
}
