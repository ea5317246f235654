import { type ErrorReason, NakamaCode, type ParsedRpcError, parseRpcError } from "./errors";

/**
 * Errors of sign-up, sign-in, "save progress" (link email) and refresh. Our hooks throw
 * typed errors ("email_taken: …"); the rest come from Nakama itself with its own messages
 * (v3.40.0 core_authenticate.go, core_link.go, core_session.go), mapped here once:
 *
 * | Nakama code | Nakama message                       | when                                    | reason            |
 * |-------------|--------------------------------------|-----------------------------------------|-------------------|
 * | 16          | "Invalid credentials."               | sign-in, email known, password wrong    | wrong_password    |
 * | 5           | "User account not found."            | sign-in (create=false), unknown email   | account_not_found |
 * | 6           | "Username is already in use."        | sign-up, username taken (race past hook)| username_taken    |
 * | 6           | "Email is already in use."           | linkEmail, email on another account     | email_taken       |
 * | 7           | "User account banned."               | any sign-in or refresh of a banned user | account_banned    |
 * | 16          | "Refresh token invalid or expired."  | refresh with a dead refresh token       | session_revoked   |
 *
 * Without our before hook, sign-up with a taken email is NOT an error in Nakama: with the
 * right password it silently signs in, with a wrong one it says "Invalid credentials.". The
 * hook refuses a sign-up (create=true) for a known email with email_taken.
 * A network failure (fetch throws, no response) is "server unreachable": client side only.
 */
export const nakamaAuthMessages: ReadonlyArray<{
  code: number;
  message: string;
  reason: ErrorReason;
}> = [
  { code: NakamaCode.UNAUTHENTICATED, message: "Invalid credentials.", reason: "wrong_password" },
  { code: NakamaCode.NOT_FOUND, message: "User account not found.", reason: "account_not_found" },
  {
    code: NakamaCode.ALREADY_EXISTS,
    message: "Username is already in use.",
    reason: "username_taken",
  },
  { code: NakamaCode.ALREADY_EXISTS, message: "Email is already in use.", reason: "email_taken" },
  { code: NakamaCode.PERMISSION_DENIED, message: "User account banned.", reason: "account_banned" },
  {
    code: NakamaCode.UNAUTHENTICATED,
    message: "Refresh token invalid or expired.",
    reason: "session_revoked",
  },
];

/**
 * Reads the error body of an authenticate / link / refresh call ({code, message} as
 * nakama-js throws it: `await (e as Response).json()`): our typed reasons first, then
 * Nakama's own messages; any other 401 is "unauthenticated".
 */
export function parseAuthError(body: unknown): ParsedRpcError {
  const parsed = parseRpcError(body);
  if (parsed.reason !== "unknown") return parsed;
  const known = nakamaAuthMessages.find(
    (m) => m.code === parsed.code && m.message === parsed.detail,
  );
  if (known) return { reason: known.reason, detail: parsed.detail, code: parsed.code };
  if (parsed.code === NakamaCode.UNAUTHENTICATED) return { ...parsed, reason: "unauthenticated" };
  return parsed;
}
