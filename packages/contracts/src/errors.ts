import * as z from "zod/mini";

/**
 * Nakama's gRPC status codes, as thrown by runtime code (`throw { message, code }`) and
 * mapped by Nakama to HTTP statuses. Plain numbers: bundlers don't inline nkruntime's
 * ambient const enum.
 */
export const NakamaCode = {
  INVALID_ARGUMENT: 3, // HTTP 400
  NOT_FOUND: 5, // 404
  ALREADY_EXISTS: 6, // 409
  PERMISSION_DENIED: 7, // 403
  RESOURCE_EXHAUSTED: 8, // 429
  FAILED_PRECONDITION: 9, // 400
  ABORTED: 10, // 409
  INTERNAL: 13, // 500
  UNAVAILABLE: 14, // 503
  UNAUTHENTICATED: 16, // 401
} as const;

/** Why a request was refused: the client maps each reason to a message a person can act on. */
export const ErrorReason = z.enum([
  "invalid_payload",
  "unauthenticated",
  "session_revoked",
  "internal",
  /** The database (or another dependency) is unreachable: retry later. */
  "unavailable",
  // rounds and the weekly board
  "rate_limited",
  "round_not_over",
  "replay_unknown",
  // sessions (docs/security.md)
  "wrong_password",
  "email_taken",
  "username_taken",
  "account_not_found",
  "account_banned",
  "already_playing",
  "login_expired",
  // storage (docs/security.md, "Trust boundary: storage")
  /** A client wrote or deleted an object in a collection only the server writes. */
  "collection_owned",
  /**
   * Refresh with a refresh token that another refresh rotated moments ago (two refreshes
   * racing with one token): refused, the login stays live; the other caller holds the new pair.
   */
  "refresh_superseded",
  /** A Nakama API the game does not use, closed by policy (docs/security.md "Every client API"). */
  "api_closed",
  // a race with friends (docs/realtime.md "Racing a friend")
  /** No open race lobby has this code: mistyped, never made, or expired. */
  "race_code_unknown",
  /** The lobby's seats are all reserved. */
  "race_full",
  /** The race has begun (or the lobby is closed to new players): only its seats may come back. */
  "race_started",
  /** Only the lobby's host starts its race. */
  "race_not_host",
  /** Only a player of the race asks for its rematch. */
  "race_not_seated",
  // review of held runs (docs/realtime.md "Plausibility")
  /**
   * An RPC for the game's own servers (called with Nakama's runtime HTTP key, no user):
   * a signed-in player's session may not call it.
   */
  "server_only",
  /** No held run has this id: it was decided already, or never held. */
  "review_unknown",
]);
export type ErrorReason = z.infer<typeof ErrorReason>;

/** The code each reason is thrown with. */
export const reasonCode: Record<ErrorReason, number> = {
  invalid_payload: NakamaCode.INVALID_ARGUMENT,
  unauthenticated: NakamaCode.UNAUTHENTICATED,
  session_revoked: NakamaCode.UNAUTHENTICATED,
  internal: NakamaCode.INTERNAL,
  unavailable: NakamaCode.UNAVAILABLE,
  rate_limited: NakamaCode.RESOURCE_EXHAUSTED,
  round_not_over: NakamaCode.FAILED_PRECONDITION,
  replay_unknown: NakamaCode.NOT_FOUND,
  wrong_password: NakamaCode.UNAUTHENTICATED,
  email_taken: NakamaCode.ALREADY_EXISTS,
  username_taken: NakamaCode.ALREADY_EXISTS,
  account_not_found: NakamaCode.NOT_FOUND,
  account_banned: NakamaCode.PERMISSION_DENIED,
  already_playing: NakamaCode.ABORTED,
  login_expired: NakamaCode.UNAUTHENTICATED,
  collection_owned: NakamaCode.PERMISSION_DENIED,
  refresh_superseded: NakamaCode.ABORTED,
  api_closed: NakamaCode.PERMISSION_DENIED,
  race_code_unknown: NakamaCode.NOT_FOUND,
  race_full: NakamaCode.ALREADY_EXISTS,
  race_started: NakamaCode.ABORTED,
  race_not_host: NakamaCode.PERMISSION_DENIED,
  race_not_seated: NakamaCode.PERMISSION_DENIED,
  server_only: NakamaCode.PERMISSION_DENIED,
  review_unknown: NakamaCode.NOT_FOUND,
};

/**
 * On the wire only `message` and `code` survive, so the reason travels at the start of
 * the message: "<reason>: <detail>".
 */
export function formatErrorMessage(reason: ErrorReason, detail: string): string {
  return `${reason}: ${detail}`;
}

export interface ParsedRpcError {
  reason: ErrorReason | "unknown";
  detail: string;
  code: number;
}

/** Reads an error body as Nakama returns it ({ code, message, error? }). */
export function parseRpcError(body: unknown): ParsedRpcError {
  const obj = (body ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof obj.code === "number" ? obj.code : NakamaCode.INTERNAL;
  const message = typeof obj.message === "string" ? obj.message : "";
  const sep = message.indexOf(": ");
  const head = sep > 0 ? message.slice(0, sep) : "";
  const parsed = ErrorReason.safeParse(head);
  return parsed.success
    ? { reason: parsed.data, detail: message.slice(sep + 2), code }
    : { reason: "unknown", detail: message, code };
}
