import { SessionVar } from "@gift-grab/contracts";
import { isVersionConflict } from "../rounds/version-conflict";
import { rpcError } from "../runtime/errors";
import { maxLoginSeconds, sessionConfig } from "./config";
import { nowSec, revokeLogin } from "./revoke";
import { readLogin, writeLogin } from "./store";
import { verifiedRefreshClaims } from "./tokens";

type RefreshRequest = { token?: string; vars?: { [key: string]: string } };

/**
 * Session refresh, beyond plain Nakama (which keeps every refresh token valid until it
 * expires, issue #1321, and forgets logouts on restart):
 * - the login must be live in our store (survives restarts);
 * - a login lives at most MAX_LOGIN_DAYS from its sign-in;
 * - rotation: each refresh gets a new `rid` var; a refresh token whose rid is not the
 *   current one was already used, and presenting it revokes the whole login;
 * - the new tokens' vars are the login's server-set vars: a client's vars never pass.
 * Only tokens signed with our refresh key get here (checked first), so a forged token
 * cannot revoke someone's login.
 */
export const beforeSessionRefresh: nkruntime.BeforeHookFunction<RefreshRequest> = (
  ctx,
  logger,
  nk,
  req,
) => {
  const cfg = sessionConfig(nk);
  const claims = verifiedRefreshClaims(nk, cfg, req.token ?? "");
  if (!claims) throw rpcError("unauthenticated", "refresh token invalid");
  const now = nowSec();
  if (claims.exp <= now) throw rpcError("unauthenticated", "refresh token expired");
  const vars = claims.vrs ?? {};
  const lid = vars[SessionVar.loginId];
  const login = lid ? readLogin(nk, logger, claims.uid, lid) : undefined;
  if (!lid || !login || login.record.tid !== claims.tid) {
    throw rpcError("session_revoked", "this login is unknown: sign in again");
  }
  const record = login.record;
  if (record.revoked_at !== undefined) {
    throw rpcError(
      "session_revoked",
      `this login ended (${record.revoked_reason ?? "revoked"}): sign in again`,
    );
  }
  if (now - record.login_at >= maxLoginSeconds(ctx.env)) {
    revokeLogin(nk, cfg, login, "login_expired", now);
    throw rpcError("login_expired", "signed in too long ago: sign in again");
  }
  if (vars[SessionVar.refreshId] !== record.rid) {
    logger.warn("reused refresh token for user %s login %s: login revoked", claims.uid, lid);
    revokeLogin(nk, cfg, login, "refresh_reused", now);
    throw rpcError("session_revoked", "this refresh token was already used: sign in again");
  }
  const rid = nk.uuidv4();
  try {
    writeLogin(
      nk,
      claims.uid,
      lid,
      {
        ...record,
        rid,
        exp: Math.min(now + cfg.refreshTokenExpirySec, record.login_at + maxLoginSeconds(ctx.env)),
      },
      login.version,
    );
  } catch (err) {
    // Another refresh with this same token won the race: this one is the reuse.
    if (isVersionConflict(err)) {
      throw rpcError("session_revoked", "this refresh token was already used: sign in again");
    }
    throw err;
  }
  const next: { [key: string]: string } = {
    [SessionVar.loginId]: lid,
    [SessionVar.refreshId]: rid,
    [SessionVar.loginAt]: String(record.login_at),
  };
  if (record.email) next[SessionVar.email] = record.email;
  if (record.client) next[SessionVar.client] = record.client;
  req.vars = next;
  return req;
};
