/**
 * The module's registry: every RPC and hook Nakama should know, by id. scripts/build.mjs
 * bundles this file and generates the glue Nakama's parser needs (a top-level function per
 * entry and an InitModule that registers each with a literal id), so the AST rules in
 * docs/architecture.md hold by construction. Add an RPC here: one line.
 */
import {
  LEADERBOARD_VIEW,
  PLAYER_STATS_GET,
  REPLAY_GET,
  ROUND_START,
  ROUND_SUBMIT,
  SESSION_CHECK,
  SESSION_LOGOUT,
  SESSION_LOGOUT_ALL,
} from "@gift-grab/contracts";
import { afterLinkEmail, beforeLinkEmail } from "./accounts/link-email";
import { beforeUpdateAccount } from "./accounts/username-guard";
import { rpcLeaderboardView } from "./leaderboard/leaderboard-view";
import { createWeeklyBoard } from "./leaderboard/weekly-board";
import { rpcRoundStart } from "./rounds/round-start";
import { rpcRoundSubmit } from "./rounds/round-submit";
import { rpcReplayGet } from "./rpcs/replay-get";
import { rpcSessionCheck } from "./rpcs/session-check";
import { rpcSessionLogoutAll } from "./rpcs/session-logout-all";
import { callHook, type HookOutcome } from "./runtime/call-hook";
import { callRpc } from "./runtime/call-rpc";
import type { HookRegistry, RpcRegistry, RtBeforeRegistry } from "./runtime/registry";
import { beforeDeleteStorageObjects, beforeWriteStorageObjects } from "./runtime/storage-guard";
import { withLiveSession } from "./sessions/guard";
import { sessionHooks, sessionRtHooks } from "./sessions/hooks";
import { initSessions } from "./sessions/init";
import { rpcSessionLogout } from "./sessions/logout";
import { rpcPlayerStatsGet } from "./stats/player-stats";

export const rpcs: RpcRegistry = {
  [SESSION_CHECK]: rpcSessionCheck,
  [ROUND_START]: rpcRoundStart,
  [ROUND_SUBMIT]: rpcRoundSubmit,
  [LEADERBOARD_VIEW]: rpcLeaderboardView,
  [PLAYER_STATS_GET]: rpcPlayerStatsGet,
  [SESSION_LOGOUT]: rpcSessionLogout,
  [SESSION_LOGOUT_ALL]: rpcSessionLogoutAll,
  [REPLAY_GET]: rpcReplayGet,
  // new:rpc inserts above this line
};

export const hooks: HookRegistry = {
  ...sessionHooks,
  registerBeforeUpdateAccount: beforeUpdateAccount,
  registerBeforeWriteStorageObjects: beforeWriteStorageObjects,
  registerBeforeDeleteStorageObjects: beforeDeleteStorageObjects,
  registerBeforeLinkEmail: beforeLinkEmail,
  registerAfterLinkEmail: afterLinkEmail,
};

/** Realtime messages a socket of a revoked login may not send (sessions/guard.ts). */
export const rtBefore: RtBeforeRegistry = sessionRtHooks;

/** Runs once in InitModule (in its own unfrozen VM), after the registrations. */
export function init(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  initializer: nkruntime.Initializer,
) {
  initSessions(ctx, logger, nk, initializer);
  createWeeklyBoard(nk, logger);
  logger.info("gift-grab module loaded");
}

/** Every RPC refuses a revoked session (sessions/guard.ts); built on first use, per VM. */
let guardedRpcs: RpcRegistry | undefined;

/** Entry for the generated glue: see runtime/call-rpc.ts. */
export function runRpc(
  id: string,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  payload: string,
) {
  guardedRpcs ??= withLiveSession(rpcs);
  return callRpc(guardedRpcs, id, ctx, logger, nk, payload);
}

/**
 * What of a before hook's request is checked for control characters: all of it, except
 * where a field legitimately holds any text.
 */
const checkedStrings: { [K in keyof HookRegistry]?: (request: unknown) => unknown } = {
  // A stored value is JSON text, which may be pretty-printed (storage-guard.ts checks the rest).
  registerBeforeWriteStorageObjects: (request) =>
    ((request as nkruntime.WriteStorageObjectsRequest | undefined)?.objects ?? []).map(
      ({ value: _value, ...rest }) => rest,
    ),
};
const wholeRequest = (request: unknown) => request;

/**
 * Entry for the generated glue of every hook (runtime/call-hook.ts): one error mapping, and
 * no control character in the strings of a before hook's request.
 */
export function runHook(
  method: keyof HookRegistry,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  a: unknown,
  b: unknown,
): HookOutcome {
  const before = method.startsWith("registerBefore");
  const api = method.replace(/^register(Before|After)/, "");
  const strings = before ? (checkedStrings[method] ?? wholeRequest) : undefined;
  return callHook({ api, checkedStrings: strings }, hooks[method], ctx, logger, nk, [a, b]);
}

/** Entry for the generated glue of realtime before hooks: the same error mapping. */
export function runRtBefore(
  id: keyof RtBeforeRegistry,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  envelope: nkruntime.Envelope,
): HookOutcome {
  // Realtime payloads (chat messages, match data) may hold newlines: strings are not checked.
  return callHook({ api: `realtime ${id}` }, rtBefore[id], ctx, logger, nk, [envelope]);
}
