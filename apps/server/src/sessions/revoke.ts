import type { SessionEndedReason } from "@gift-grab/contracts";
import { type SessionConfig, sessionConfig } from "./config";
import {
  type EndedLogin,
  readLogin,
  revokeAllLogins,
  revokeLoginRow,
  type StoredLogin,
} from "./login-table";
import { closeSockets, liveSockets, tellSockets } from "./sockets";
import { invalidateLoginInNakama } from "./tokens";

export const nowSec = () => Math.floor(Date.now() / 1000);

/** Marks one login revoked (persisted) and makes Nakama's session cache refuse its tokens. */
export function revokeLogin(
  nk: nkruntime.Nakama,
  cfg: SessionConfig,
  { userId, lid, record }: StoredLogin,
  reason: SessionEndedReason,
  now = nowSec(),
) {
  revokeLoginRow(nk, userId, lid, reason, now);
  forgetLogin(nk, cfg, userId, { lid, tid: record.tid, exp: record.exp }, reason, now);
}

/**
 * What follows a login's revocation in the table, on this node: the state cache says so at
 * once, and Nakama's own session cache refuses its tokens.
 */
export function forgetLogin(
  nk: nkruntime.Nakama,
  cfg: SessionConfig,
  userId: string,
  login: EndedLogin,
  reason: SessionEndedReason,
  now: number,
) {
  nk.localcachePut(stateKey(userId, login.lid), `revoked:${reason}`, Math.max(1, login.exp - now));
  invalidateLoginInNakama(nk, cfg, userId, login.tid, now);
}

export interface EndResult {
  loginsRevoked: number;
  socketsClosed: number;
}

/**
 * The user's live sockets are told why; `end` revokes logins of the user in the table; then
 * each is forgotten by the caches and the sockets are closed. Only for policies with one login per
 * user: the user's sockets all belong to the logins being ended.
 */
export function endLogins(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  reason: SessionEndedReason,
  end: (now: number) => EndedLogin[],
  client?: string,
): EndResult {
  const now = nowSec();
  // Told (and marked as being closed) before the revocation: our guard closes a revoked
  // login's socket at its next message unless it is marked (guard.ts), and a close drops a
  // notice still queued.
  const sockets = liveSockets(nk, userId);
  if (sockets.length > 0) {
    tellSockets(nk, userId, { reason, at: now, ...(client ? { client } : {}) }, sockets);
  }
  const ended = end(now);
  if (ended.length > 0) {
    const cfg = sessionConfig(nk);
    for (const login of ended) forgetLogin(nk, cfg, userId, login, reason, now);
  }
  closeSockets(nk, logger, sockets, userId);
  return { loginsRevoked: ended.length, socketsClosed: sockets.length };
}

/** Sign out everywhere: every login of the user revoked, every socket told and closed. */
export function endAllLogins(nk: nkruntime.Nakama, logger: nkruntime.Logger, userId: string) {
  return endLogins(nk, logger, userId, "signed_out_everywhere", (now) =>
    revokeAllLogins(nk, logger, userId, "signed_out_everywhere", now),
  );
}

/** Why a session (ctx of an RPC or hook) may not be used, or undefined if its login is live. */
export function revokedReason(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
): string | undefined {
  if (!ctx.userId) return undefined;
  const lid = ctx.vars?.lid;
  if (!lid) return "this session was not issued by a sign-in on this server";
  const key = stateKey(ctx.userId, lid);
  const cached = nk.localcacheGet(key);
  if (cached === LIVE) return undefined;
  if (typeof cached === "string") return `this session ended (${cached.slice("revoked:".length)})`;
  const login = readLogin(nk, logger, ctx.userId, lid);
  if (!login) return "this session is unknown";
  if (login.record.revoked_at !== undefined) {
    return `this session ended (${login.record.revoked_reason ?? "revoked"})`;
  }
  nk.localcachePut(key, LIVE, LIVE_TTL_SEC);
  return undefined;
}

/**
 * A login's state, cached in nk.localcache (process-wide, so shared by every VM of this
 * single node): `forgetLogin` overwrites it at once, so the cache never hides a revocation
 * made through this module. It spares a database read per call and keeps RPCs that need no
 * database working while it is briefly down. Empty after a restart: the table is the truth.
 */
const LIVE = "live";
const LIVE_TTL_SEC = 60;
function stateKey(userId: string, lid: string) {
  return `gift-grab:login:${userId}:${lid}`;
}
