import { rpcError } from "../runtime/errors";

// Tournament writes are closed by policy (policy/api-policy.ts: this game has no
// tournaments), which also keeps Nakama 3.40's 500 for a write naming the weekly board away.

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
