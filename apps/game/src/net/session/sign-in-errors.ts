import {
  type ErrorReason,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_CHARS,
  parseAuthError,
} from "@gift-grab/contracts";
import type * as z from "zod/mini";
import { readFailure } from "../failure";
import { messageForReason, unknownFailureMessage, unreachableMessage } from "../messages";
import { SignInFailure, type SignInFailureKind } from "../types";

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
  email: "Enter a valid email address of at least 10 characters (the game server's rule).",
  password: `Passwords need ${PASSWORD_MIN_CHARS} to ${PASSWORD_MAX_BYTES} characters (fewer with accents or emoji).`,
  username: "Usernames are 3–20 characters: lowercase letters, digits and _.",
};

/**
 * Input the contracts refuse, before any request: every field at fault, each saying once what
 * it needs, so the player fixes them all in one go.
 */
export function validationFailure(error: z.core.$ZodError): SignInFailure {
  const fields = [...new Set(error.issues.map((i) => String(i.path[0] ?? "")))].filter(
    (f) => f !== "",
  );
  const help = fields.map((f) => fieldHelp[f]).filter((h): h is string => h !== undefined);
  return new SignInFailure(
    "invalid_input",
    help.length > 0 ? help.join(" ") : "Check the form and try again.",
    fields,
  );
}

/**
 * Any failure of sign-in, sign-up, link or refresh as a SignInFailure: the server's answer
 * through the contracts' parseAuthError, or "unreachable" when no answer came.
 */
export async function toSignInFailure(err: unknown): Promise<SignInFailure> {
  if (err instanceof SignInFailure) return err;
  const failure = await readFailure(err, parseAuthError);
  if (!failure.answered) {
    return failure.unreachable
      ? new SignInFailure("unreachable", unreachableMessage)
      : new SignInFailure("unknown", unknownFailureMessage);
  }
  if (failure.reason === "unknown") {
    // Nakama's own input checks (code 3) say what is wrong in plain words.
    if (failure.code === 3 && failure.detail)
      return new SignInFailure("invalid_input", failure.detail);
    return new SignInFailure(
      "unknown",
      messageForReason(failure.status >= 500 ? "internal" : "unknown"),
    );
  }
  return new SignInFailure(
    kindOf[failure.reason] ?? "unknown",
    messageForReason(failure.reason, failure.detail),
  );
}
