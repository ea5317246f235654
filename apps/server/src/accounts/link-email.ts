import { describeIssues, LinkEmail } from "@gift-grab/contracts";
import { assertDatabaseReachable } from "../runtime/database";
import { rpcError } from "../runtime/errors";

/**
 * "Save progress" (LinkEmail) follows the same rules as sign-up. Nakama's own check is only
 * "at least 8 bytes": a password longer than bcrypt's 72 bytes answered 200 and stored no
 * password (core_link.go drops the hash error), so that account could never sign in by email.
 */
export const beforeLinkEmail: nkruntime.BeforeHookFunction<nkruntime.AccountEmail> = (
  _ctx,
  _logger,
  nk,
  req,
) => {
  const email = String(req.email ?? "").toLowerCase();
  const parsed = LinkEmail.safeParse({ email, password: req.password });
  if (!parsed.success) {
    throw rpcError("invalid_payload", `save progress: ${describeIssues(parsed.error)}`);
  }
  assertDatabaseReachable(nk);
  return req;
};
