import { policyMismatch, rememberSessionConfig, type SessionConfig, sessionPolicy } from "./config";
import { createLoginTables, hasLiveLogin, listRevokedUnexpired } from "./login-table";
import { nowSec } from "./revoke";
import { invalidateLoginInNakama } from "./tokens";

/**
 * At start: create the login tables if missing, keep Nakama's session config for the pooled
 * VMs, warn when SESSION_POLICY and session.single_session disagree, and hand Nakama's fresh
 * (empty) session cache the revocations it forgot in the restart, so its own APIs refuse
 * those tokens again.
 */
export function initSessions(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  initializer: nkruntime.Initializer,
) {
  // Not caught: without its tables no sign-in could be recorded, so Nakama must not start.
  createLoginTables(nk);
  const cfg = rememberSessionConfig(initializer, nk);
  const policy = sessionPolicy(ctx.env);
  const mismatch = policyMismatch(policy, cfg.singleSession, cfg.singleSocket);
  if (mismatch) logger.warn("session policy: %s", mismatch);
  logger.info("sessions: policy %s", policy);
  try {
    reapplyRevocations(logger, nk, cfg);
  } catch (err) {
    // Never keep Nakama from starting: our RPCs, GetAccount and refresh still read the table.
    logger.error("sessions: revocations not re-applied to Nakama's cache: %s", String(err));
  }
}

function reapplyRevocations(logger: nkruntime.Logger, nk: nkruntime.Nakama, cfg: SessionConfig) {
  const now = nowSec();
  const revoked = listRevokedUnexpired(nk, logger, now);
  // A user with no live login at all: drop every older token, which (unlike a per-token
  // logout) Nakama 3.40 also checks when a socket opens. Done first: it clears the user's
  // per-token entries (LocalSessionCache.RemoveAll) and counts whole seconds, so only the
  // per-token invalidations after it also refuse a token issued in this same second.
  for (const userId of new Set(revoked.map((r) => r.userId))) {
    if (!hasLiveLogin(nk, userId, now)) {
      nk.sessionLogout(userId, undefined, undefined);
    }
  }
  for (const { userId, record } of revoked) {
    invalidateLoginInNakama(nk, cfg, userId, record.tid, now);
  }
  logger.info("sessions: %d revoked logins re-applied", revoked.length);
}
