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
