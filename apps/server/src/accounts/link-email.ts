import { describeIssues, LinkEmail } from "@gift-grab/contracts";
import { assertPasswordCheckWithinLimits } from "../limits/guards";
import { rpcError } from "../runtime/errors";
import { claimEmail, emailTakenError, releaseEmail } from "./email-claims";

/**
 * "Save progress" (LinkEmail) follows the same rules as sign-up. Nakama's own check is only
 * "at least 8 bytes": a password longer than bcrypt's 72 bytes answered 200 and stored no
 * password (core_link.go drops the hash error), so that account could never sign in by email.
 * It claims the email like a sign-up (email-claims.ts), so the two can't race for one email.
 */
export const beforeLinkEmail: nkruntime.BeforeHookFunction<nkruntime.AccountEmail> = (
  ctx,
  logger,
  nk,
  req,
) => {
  const email = String(req.email ?? "").toLowerCase();
  assertPasswordCheckWithinLimits("save progress", ctx, nk, email);
  const parsed = LinkEmail.safeParse({ email, password: req.password });
  if (!parsed.success) {
    throw rpcError("invalid_payload", `save progress: ${describeIssues(parsed.error)}`);
  }
  if (!claimEmail(nk, logger, email)) throw emailTakenError();
  return req;
};

/** The email is the account's now (or the link failed in Nakama): the users table answers. */
export const afterLinkEmail: nkruntime.AfterHookFunction<void, nkruntime.AccountEmail> = (
  _ctx,
  _logger,
  nk,
  _out,
  req,
) => {
  releaseEmail(nk, String(req.email ?? "").toLowerCase());
};
