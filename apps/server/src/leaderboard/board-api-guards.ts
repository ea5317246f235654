import { assertDatabaseReachable } from "../runtime/database";
import { rpcError } from "../runtime/errors";

/** The operators a record write may override the board's with (api.proto's Operator). */
const OPERATORS = new Set([0, 1, 2, 3, 4, "NO_OVERRIDE", "BEST", "SET", "INCREMENT", "DECREMENT"]);

/**
 * A tournament record write or delete must name a tournament: Nakama 3.40 answers one that
 * names a leaderboard (the weekly board) or an operator it doesn't know with 500
 * (core_tournament.go's ErrTournamentNotFound and ErrInvalidOperator reach api_tournament.go's
 * default case). Refused here as 404 `tournament_unknown` and 400; with the database down,
 * 503. A real tournament's writes go on to Nakama's own rules.
 *
 * DeleteTournamentRecord on the weekly board answers 500 the same way, and can't be helped
 * from JavaScript: Nakama 3.40's JS runtime accepts registerBeforeDeleteTournamentRecord but
 * never wires it (runtime_javascript.go has no case for it), so no hook of ours runs there.
 */
function assertTournament(nk: nkruntime.Nakama, id: string | undefined) {
  if (!id || nk.tournamentsGetId([id]).length === 0) {
    throw rpcError("tournament_unknown", "tournament write: there is no such tournament");
  }
  assertDatabaseReachable(nk);
}

export const beforeWriteTournamentRecord: nkruntime.BeforeHookFunction<
  nkruntime.WriteTournamentRecordRequest
> = (_ctx, _logger, nk, req) => {
  const operator = (req?.record as { operator?: unknown } | undefined)?.operator;
  if (operator !== undefined && !OPERATORS.has(operator as string)) {
    throw rpcError("invalid_payload", "tournament write: record.operator: not an operator");
  }
  assertTournament(nk, req?.tournamentId);
  return req;
};

/**
 * Whether Nakama can read `cursor`, by asking it for one record with it: a cursor it can't
 * decode throws an error naming the cursor; anything else (no such board, the database) is
 * left for Nakama's own answer.
 */
function cursorIssue(probe: () => unknown): boolean {
  try {
    probe();
    return false;
  } catch (err) {
    return /cursor/i.test(err instanceof Error ? err.message : String(err));
  }
}

/**
 * ListTournaments and ListLeaderboardRecordsAroundOwner with a cursor Nakama can't decode
 * answer 500 in 3.40 (api_tournament.go returns ErrLeaderboardInvalidCursor unwrapped, code 2;
 * the haystack's list maps every error to 13), where ListLeaderboardRecords answers 400. Here
 * a given cursor is tried first (one record; a tournament list is read from Nakama's cache):
 * 400 `invalid_payload` naming it.
 */
export const beforeListTournaments: nkruntime.BeforeHookFunction<
  nkruntime.ListTournamentsRequest
> = (_ctx, _logger, nk, req) => {
  const cursor = req?.cursor;
  if (
    cursor &&
    cursorIssue(() => nk.tournamentList(undefined, undefined, undefined, undefined, 1, cursor))
  ) {
    throw rpcError("invalid_payload", "tournament list: cursor: not a cursor of this list");
  }
  return req;
};

export const beforeListLeaderboardRecordsAroundOwner: nkruntime.BeforeHookFunction<
  nkruntime.ListLeaderboardRecordsAroundOwnerRequest
> = (_ctx, _logger, nk, req) => {
  // The request carries a cursor (api.proto) that nakama-common's type leaves out.
  const { cursor, leaderboardId, expiry } = (req ?? {}) as { cursor?: string } & typeof req;
  const overrideExpiry = expiry ? Number(expiry) : undefined;
  if (
    cursor &&
    leaderboardId &&
    cursorIssue(() => nk.leaderboardRecordsList(leaderboardId, [], 1, cursor, overrideExpiry))
  ) {
    throw rpcError("invalid_payload", "records around owner: cursor: not a cursor of this board");
  }
  return req;
};
