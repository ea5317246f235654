import { type ErrorReason, formatErrorMessage, reasonCode } from "@gift-grab/contracts";

/** What Nakama turns into an error response: `code` picks the HTTP status. */
export interface RuntimeError {
  message: string;
  code: number;
}

export function rpcError(reason: ErrorReason, detail: string): RuntimeError {
  return { message: formatErrorMessage(reason, detail), code: reasonCode[reason] };
}

/**
 * An error thrown on purpose ({@link rpcError}): a plain `{message, code}`. An Error never is,
 * whatever its fields: Nakama's Go failures and our own bugs are Errors.
 */
export function isRuntimeError(value: unknown): value is RuntimeError {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as RuntimeError).message === "string" &&
    typeof (value as RuntimeError).code === "number"
  );
}

/**
 * The one error mapping (RPCs, hooks, realtime hooks): what a caller sees for anything thrown
 * while serving `id`. An error thrown on purpose goes out as it is (just its message and
 * code); anything else is logged and goes out as {@link unexpectedError}.
 */
export function callerError(id: string, err: unknown, logger: nkruntime.Logger): RuntimeError {
  if (isRuntimeError(err)) return { message: err.message, code: err.code };
  return unexpectedError(id, err, logger);
}

/**
 * Nakama's runtime functions throw a GoError when the database can't be reached. That is
 * no bug of ours and no fault of the caller: it leaves as `unavailable` (code 14, HTTP 503),
 * which clients retry. The pattern matches the pgx/database/sql connection failures, and
 * Postgres ending a connection on shutdown ("terminating connection due to administrator
 * command", SQLSTATE 57P01).
 */
const DATABASE_DOWN =
  /failed to connect|connection refused|dial (error|tcp)|conn(ection)? (closed|reset)|broken pipe|database is closed|bad connection|the database system is (shutting down|starting up)|too many clients|unexpected EOF|terminating connection due to administrator command|57P01/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  return err instanceof Error && DATABASE_DOWN.test(err.message);
}

/** The error a caller sees for anything a handler did not throw on purpose; logged here. */
export function unexpectedError(id: string, err: unknown, logger: nkruntime.Logger): RuntimeError {
  if (isDatabaseUnavailable(err)) {
    logger.warn("%s: database unavailable: %s", id, (err as Error).message);
    return rpcError(
      "unavailable",
      `${id}: the server's database is unavailable, try again shortly`,
    );
  }
  logger.error(
    "%s failed: %s",
    id,
    err instanceof Error ? (err.stack ?? err.message) : String(err),
  );
  return rpcError("internal", `${id}: the server could not complete this request`);
}
