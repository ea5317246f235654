import { assertNoControlCharacters } from "./control-chars";
import { callerError, type RuntimeError } from "./errors";

export type HookOutcome =
  | { result: unknown; error?: undefined }
  | { error: RuntimeError; result?: undefined };

// biome-ignore lint/suspicious/noExplicitAny: hooks of every shape go through here
type AnyHook = (...args: any[]) => unknown;

export interface HookCall {
  /** The API it hooks, e.g. "AuthenticateDevice": named in errors and logs. */
  api: string;
  /**
   * The part of the request whose strings may hold no control character (invalid_payload,
   * naming the field); undefined: none is checked.
   */
  checkedStrings?: (request: unknown) => unknown;
}

/**
 * Runs a hook the way dispatchRpc runs an RPC: a typed error it throws ({message, code}) goes
 * out as is; anything else is logged here and goes out as `unavailable` (the database is
 * down: 503) or a bare `internal`, never a Go error's text (it names the database user,
 * host and port, and Nakama's Go functions). What Nakama does with it (v3.40.0):
 * - before an API (runtime_javascript.go BeforeReq → api_*.go): the error's code and
 *   message become the response (code 14 → HTTP 503);
 * - after an API: logged and dropped (api.go traceApiAfter); the caller gets its 200;
 * - before a realtime message (pipeline.go): an error envelope with the message, socket kept.
 */
export function callHook(
  call: HookCall,
  hook: AnyHook | undefined,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  args: unknown[],
): HookOutcome {
  try {
    if (!hook) throw new Error(`${call.api}: no hook registered`);
    if (call.checkedStrings) assertNoControlCharacters(call.api, call.checkedStrings(args[0]));
    return { result: hook(ctx, logger, nk, ...args) };
  } catch (err) {
    return { error: callerError(call.api, err, logger) };
  }
}
