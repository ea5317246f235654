/**
 * The module's registry: every RPC and hook Nakama should know. scripts/build.mjs bundles
 * this file and generates the glue Nakama's parser needs (a top-level function per entry and
 * an InitModule that registers each with a literal id), so the AST rules in
 * docs/architecture.md hold by construction. Each handler carries its contract (defineHandler
 * in runtime/handle-rpc.ts); the list below must hold exactly one for each contract in
 * allRpcs, or this file does not compile. `npm run new:rpc` adds to it.
 */
import { allRpcs } from "@gift-grab/contracts";
import { afterLinkEmail, beforeLinkEmail } from "./accounts/link-email";
import { beforeUpdateAccount } from "./accounts/username-guard";
import {
  beforeListLeaderboardRecordsAroundOwner,
  beforeListTournaments,
} from "./leaderboard/board-api-guards";
import { leaderboardViewHandler } from "./leaderboard/leaderboard-view";
import { replayGetHandler } from "./leaderboard/replay-get";
import { reviewDecideHandler } from "./leaderboard/review-decide";
import { reviewListHandler } from "./leaderboard/review-list";
import { createVersusBoard } from "./leaderboard/versus-board";
import { createWeeklyBoard } from "./leaderboard/weekly-board";
import { perPlayer } from "./limits/guards";
import { apiPolicyHooks, apiPolicyRtHooks } from "./policy/api-policy";
import { liveRoundCreateHandler } from "./rounds/live/create";
import { raceLobbyCreateHandler } from "./rounds/live/lobby-create";
import { raceLobbyJoinHandler } from "./rounds/live/lobby-join";
import { raceLobbyRematchHandler } from "./rounds/live/lobby-rematch";
import { raceLobbyStartHandler } from "./rounds/live/lobby-start";
import { raceMatched, raceWithBotsHandler } from "./rounds/live/race-create";
import { raceGetHandler } from "./rounds/live/race-get";
import { checkRaceTicket } from "./rounds/live/race-ticket";
import { callHook, type HookOutcome } from "./runtime/call-hook";
import { rpcEntry } from "./runtime/dispatch-rpc";

import {
  type HookRegistry,
  type RpcRegistry,
  type RtBeforeRegistry,
  rpcRegistry,
} from "./runtime/registry";
import { beforeDeleteStorageObjects, beforeWriteStorageObjects } from "./runtime/storage-guard";
import { beforeGetAccount, rtBeforeLiveSession, withLiveSession } from "./sessions/guard";
import { sessionHooks, sessionRtHooks } from "./sessions/hooks";
import { initSessions } from "./sessions/init";
import { sessionCheckHandler } from "./sessions/session-check";
import { sessionLogoutHandler } from "./sessions/session-logout";
import { sessionLogoutAllHandler } from "./sessions/session-logout-all";
import { playerStatsGetHandler } from "./stats/player-stats-get";

export const rpcs: RpcRegistry = rpcRegistry(allRpcs, [
  sessionCheckHandler,
  sessionLogoutHandler,
  sessionLogoutAllHandler,
  leaderboardViewHandler,
  replayGetHandler,
  playerStatsGetHandler,
  liveRoundCreateHandler,
  raceWithBotsHandler,
  raceGetHandler,
  raceLobbyCreateHandler,
  raceLobbyJoinHandler,
  raceLobbyStartHandler,
  raceLobbyRematchHandler,
  reviewListHandler,
  reviewDecideHandler,
]);

/** Closed and limited APIs first (policy/api-policy.ts); the game's own hooks after them. */
export const hooks: HookRegistry = {
  ...apiPolicyHooks,
  ...sessionHooks,
  // What writes or costs a query spends the player's budget first (limits/guards.ts).
  registerBeforeGetAccount: perPlayer("account", beforeGetAccount),
  registerBeforeUpdateAccount: perPlayer("account update", beforeUpdateAccount),
  registerBeforeWriteStorageObjects: perPlayer("storage write", beforeWriteStorageObjects),
  registerBeforeDeleteStorageObjects: perPlayer("storage delete", beforeDeleteStorageObjects),
  registerBeforeLinkEmail: perPlayer("link email", beforeLinkEmail),
  registerAfterLinkEmail: afterLinkEmail,
  // Open reads with the player's budget (policy/api-policy.ts) whose cursors Nakama would
  // answer with a 500 (leaderboard/board-api-guards.ts).
  registerBeforeListTournaments: perPlayer("tournaments list", beforeListTournaments),
  registerBeforeListLeaderboardRecordsAroundOwner: perPlayer(
    "leaderboard list",
    beforeListLeaderboardRecordsAroundOwner,
  ),
  // Races found by the matchmaker (rounds/live/race-create.ts).
  registerMatchmakerMatched: raceMatched,
};

/**
 * Realtime messages a socket of a revoked login may not send (sessions/guard.ts), and those
 * closed by policy (policy/api-policy.ts), which refuse every socket.
 */
export const rtBefore: RtBeforeRegistry = {
  ...sessionRtHooks,
  ...apiPolicyRtHooks,
  // Only race tickets (rounds/live/race-ticket.ts), from a live login.
  MatchmakerAdd: (ctx, logger, nk, envelope) => {
    checkRaceTicket(envelope);
    return rtBeforeLiveSession(ctx, logger, nk, envelope);
  },
};

/** Runs once in InitModule (in its own unfrozen VM), after the registrations. */
export function init(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  initializer: nkruntime.Initializer,
) {
  initSessions(ctx, logger, nk, initializer);
  createWeeklyBoard(nk, logger);
  createVersusBoard(nk, logger);
  logger.info("gift-grab module loaded");
}

/** Entry for the generated glue; every RPC refuses a revoked session (sessions/guard.ts). */
export const runRpc = rpcEntry(() => withLiveSession(rpcs));

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
