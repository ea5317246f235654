import type { SessionEndedContent } from "@gift-grab/contracts";
import { type SessionConfig, sessionConfig, sessionPolicy } from "./config";
import { closeSockets, liveSockets, tellSockets } from "./sockets";
import {
  deleteLogins,
  isLive,
  type LoginRecord,
  listLogins,
  type RevokeReason,
  readLogin,
  type StoredLogin,
  startedBefore,
  writeLogin,
} from "./store";
import { invalidateLoginInNakama } from "./tokens";

export const nowSec = () => Math.floor(Date.now() / 1000);

/** Marks one login revoked (persisted) and makes Nakama's session cache refuse its tokens. */
export function revokeLogin(
  nk: nkruntime.Nakama,
  cfg: SessionConfig,
  login: StoredLogin,
  reason: RevokeReason,
  now = nowSec(),
) {
  const record = { ...login.record, revoked_at: now, revoked_reason: reason };
  writeLogin(nk, login.userId, login.lid, record);
  nk.localcachePut(
    stateKey(login.userId, login.lid),
    `revoked:${reason}`,
    Math.max(1, record.exp - now),
  );
  invalidateLoginInNakama(nk, cfg, login.userId, record.tid, now);
}

export interface EndResult {
  loginsRevoked: number;
  socketsClosed: number;
}

/**
 * Ends every login of the user that started before `keep` (all of them without `keep`): each is revoked (persisted and in Nakama's
 * cache), every live socket is told why and then closed. Expired records are dropped.
 * Only for policies with one login per user: the user's sockets all belong to older logins.
 */
export function endOtherLogins(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  keep: { lid: string; record: LoginRecord } | undefined,
  reason: RevokeReason & SessionEndedContent["reason"],
  client?: string,
): EndResult {
  const now = nowSec();
  const cfg = sessionConfig(nk);
  const sockets = liveSockets(nk, userId);
  if (sockets.length > 0) {
    tellSockets(nk, userId, { reason, at: now, ...(client ? { client } : {}) });
  }
  const logins = listLogins(nk, logger, userId);
  let loginsRevoked = 0;
  let superseded = false;
  for (const login of logins) {
    if (!isLive(login.record, now) || login.lid === keep?.lid) continue;
    if (keep && !startedBefore(login, keep)) {
      // Sign-ins racing: a newer one is already recorded, so this one is the older. Each
      // hook writes its record before it lists, so the later list always sees both.
      superseded = true;
      continue;
    }
    revokeLogin(nk, cfg, login, reason, now);
    loginsRevoked++;
  }
  if (keep && superseded) {
    revokeLogin(nk, cfg, { userId, lid: keep.lid, record: keep.record, version: "" }, reason, now);
  }
  deleteLogins(
    nk,
    userId,
    logins.filter((l) => l.record.exp <= now).map((l) => l.lid),
  );
  closeSockets(nk, logger, sockets);
  return { loginsRevoked, socketsClosed: sockets.length };
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
 * single node): `revokeLogin` overwrites it at once, so the cache never hides a revocation
 * made through this module. It spares a storage read per call and keeps RPCs that need no
 * database working while it is briefly down. Empty after a restart: storage is the truth.
 */
const LIVE = "live";
const LIVE_TTL_SEC = 60;
function stateKey(userId: string, lid: string) {
  return `gift-grab:login:${userId}:${lid}`;
}

export { sessionPolicy };
