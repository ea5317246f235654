import { ClientSessionVars, type LoginRecord, SessionVar } from "@gift-grab/contracts";
import type * as z from "zod/mini";
import { assertSignInWithinLimits } from "../limits/guards";
import { rpcError } from "../runtime/errors";
import { maxLoginSeconds, sessionConfig } from "./config";
import { readLogin, rotateLogin } from "./login-table";
import { nowSec, revokeLogin } from "./revoke";
import { verifiedRefreshClaims } from "./tokens";

type RefreshRequest = { token?: string; vars?: { [key: string]: string } };

/**
 * Session refresh, beyond plain Nakama (which keeps every refresh token valid until it
 * expires, issue #1321, and forgets logouts on restart):
 * - the login must be live in our store (survives restarts);
 * - a login lives at most MAX_LOGIN_DAYS from its sign-in;
 * - rotation: each refresh gets a new `rid` var; a refresh token whose rid is not the
 *   current one was already used, and presenting it revokes the whole login, except
 *   within REFRESH_RACE_GRACE_MS of its rotation (two refreshes racing with one token):
 *   then it is refused with refresh_superseded (409) and the login stays live;
 * - the new tokens' vars are the login's: the server's from its record, the client's
 *   allowed ones from the (verified) refresh token; vars sent with a refresh are refused.
 * Only tokens signed with our refresh key get here (checked first), so a forged token
 * cannot revoke someone's login.
 */
export const beforeSessionRefresh: nkruntime.BeforeHookFunction<RefreshRequest> = (
  ctx,
  logger,
  nk,
  req,
) => {
  assertSignInWithinLimits("refresh", ctx, nk, "no");
  const sent = Object.keys(req.vars ?? {});
  if (sent.length > 0) {
    throw rpcError(
      "invalid_payload",
      `vars: ${sent.map((k) => `"${k}"`).join(", ")}: vars are set at sign-in; a refresh sends none`,
    );
  }
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
  const presented = vars[SessionVar.refreshId];
  if (presented !== record.rid) {
    if (justSuperseded(record, presented)) throw superseded();
    logger.warn("reused refresh token for user %s login %s: login revoked", claims.uid, lid);
    revokeLogin(nk, cfg, login, "refresh_reused", now);
    throw rpcError("session_revoked", "this refresh token was already used: sign in again");
  }
  const rid = nk.uuidv4();
  const rotated = rotateLogin(nk, login, {
    rid,
    rotatedMs: Date.now(),
    exp: Math.min(now + cfg.refreshTokenExpirySec, record.login_at + maxLoginSeconds(ctx.env)),
  });
  if (!rotated) {
    // Someone changed the login since we read it: another refresh with this same token
    // (it rotated first), or a revocation.
    const latest = readLogin(nk, logger, claims.uid, lid);
    if (latest?.record.revoked_at !== undefined) {
      throw rpcError("session_revoked", "this login ended: sign in again");
    }
    throw superseded();
  }
  req.vars = refreshedVars(lid, rid, record, vars);
  return req;
};

/**
 * Two refreshes racing with one refresh token (two tabs without a shared lock, a retry
 * after a lost response): the first rotates, the second finds its rid just retired. Within
 * this window that is a race, not a replay: refused (no tokens), the login stays live.
 * Later, the same token counts as reuse and revokes the login. Races take milliseconds.
 */
export const REFRESH_RACE_GRACE_MS = 5_000;

function justSuperseded(record: LoginRecord, rid: string | undefined): boolean {
  return (
    rid !== undefined &&
    record.prev_rid === rid &&
    record.rotated_ms !== undefined &&
    Date.now() - record.rotated_ms < REFRESH_RACE_GRACE_MS
  );
}

function superseded() {
  return rpcError(
    "refresh_superseded",
    "another refresh with this refresh token just succeeded: use the tokens it returned",
  );
}

/**
 * The new tokens' vars: the login's server-set ones from its record, and the client's
 * allowed ones (client tag, the game's own) carried from the refresh token, which we signed.
 */
function refreshedVars(
  lid: string,
  rid: string,
  record: LoginRecord,
  tokenVars: { [key: string]: string },
) {
  const out: { [key: string]: string } = {};
  const allowed: Record<string, z.ZodMiniType> = ClientSessionVars.shape;
  for (const [name, schema] of Object.entries(allowed)) {
    const value = tokenVars[name];
    if (name !== SessionVar.takeover && value !== undefined && schema.safeParse(value).success) {
      out[name] = value;
    }
  }
  out[SessionVar.loginId] = lid;
  out[SessionVar.refreshId] = rid;
  out[SessionVar.loginAt] = String(record.login_at);
  if (record.email) out[SessionVar.email] = record.email;
  return out;
}
