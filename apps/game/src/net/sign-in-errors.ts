import {
  type ErrorReason,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_CHARS,
  parseAuthError,
} from "@gift-grab/contracts";
import type * as z from "zod/mini";
import { messageForReason, unknownFailureMessage, unreachableMessage } from "./messages";
import { SignInFailure, type SignInFailureKind } from "./types";

const kindOf: Partial<Record<ErrorReason, SignInFailureKind>> = {
  wrong_password: "wrong_password",
  email_taken: "email_taken",
  username_taken: "username_taken",
  invalid_payload: "invalid_input",
  already_playing: "already_playing",
  account_not_found: "account_not_found",
  account_banned: "banned",
  session_revoked: "session_ended",
  login_expired: "session_ended",
  unauthenticated: "session_ended",
};

/** What each sign-up field needs, said once (the contracts' schemas enforce it). */
const fieldHelp: Record<string, string> = {
  email: "Enter a valid email address (at least 10 characters).",
  password: `Passwords need ${PASSWORD_MIN_CHARS} to ${PASSWORD_MAX_BYTES} characters (fewer with accents or emoji).`,
  username: "Usernames are 3–20 characters: lowercase letters, digits and _.",
};

/** Input the contracts refuse, before any request: the first field at fault says what it needs. */
export function validationFailure(error: z.core.$ZodError): SignInFailure {
  const field = String(error.issues[0]?.path[0] ?? "");
  return new SignInFailure("invalid_input", fieldHelp[field] ?? "Check the form and try again.");
}

/**
 * Any failure of sign-in, sign-up, link or refresh as a SignInFailure: the server's answer
 * through the contracts' parseAuthError, or "unreachable" when no answer came.
 */
export async function toSignInFailure(err: unknown): Promise<SignInFailure> {
  if (err instanceof SignInFailure) return err;
  if (typeof Response !== "undefined" && err instanceof Response) {
    const body = await err.json().catch(() => ({ code: err.status >= 500 ? 13 : 0, message: "" }));
    const parsed = parseAuthError(body);
    if (parsed.reason === "unknown") {
      // Nakama's own input checks (code 3) say what is wrong in plain words.
      if (parsed.code === 3 && parsed.detail)
        return new SignInFailure("invalid_input", parsed.detail);
      return new SignInFailure(
        "unknown",
        messageForReason(err.status >= 500 ? "internal" : "unknown"),
      );
    }
    return new SignInFailure(
      kindOf[parsed.reason] ?? "unknown",
      messageForReason(parsed.reason, parsed.detail),
    );
  }
  if (err instanceof TypeError || isAbort(err) || err === "Request timed out.") {
    return new SignInFailure("unreachable", unreachableMessage);
  }
  return new SignInFailure("unknown", unknownFailureMessage);
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && (err.name === "TimeoutError" || err.name === "AbortError");
}
