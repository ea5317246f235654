import { assertDatabaseReachable } from "../runtime/database";
import { rpcError } from "../runtime/errors";
import type { RpcRegistry } from "../runtime/registry";
import { revokedReason } from "./revoke";
import { isBeingClosed } from "./sockets";

/**
 * Our RPCs and hooks refuse a session whose login was revoked (logout, sign-out everywhere,
 * a newer sign-in, a reused refresh token) with code 16 / HTTP 401, also after a Nakama
 * restart, when Nakama's in-memory cache has forgotten the revocation.
 */
export function revokedSessionError(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
) {
  const reason = revokedReason(ctx, logger, nk);
  if (reason === undefined) return undefined;
  // A call over a socket opened with a revoked token (Nakama 3.40 lets some through at
  // upgrade, issue #2506): that socket is closed too, unless whoever ended the login is
  // closing it (once its notice has left: sockets.ts).
  if (ctx.sessionId && !isBeingClosed(nk, ctx.sessionId)) {
    try {
      nk.sessionDisconnect(ctx.sessionId);
    } catch {
      // already closed
    }
  }
  return rpcError("session_revoked", reason);
}

/**
 * The forum's preflight, as defence in depth: GetAccount from a superseded session fails.
 * The database probe turns a database that is down into 503 instead of Nakama's 500.
 */
export const beforeGetAccount: nkruntime.BeforeHookFunction<void> = (ctx, logger, nk) => {
  const error = revokedSessionError(ctx, logger, nk);
  if (error) throw error;
  assertDatabaseReachable(nk);
};

/**
 * The registry with every handler behind the revocation check, so the check's own failures
 * (e.g. the database down) leave through dispatchRpc's error handling like the handler's would.
 */
export function withLiveSession(rpcs: RpcRegistry): RpcRegistry {
  const guarded: RpcRegistry = {};
  for (const [id, handler] of Object.entries(rpcs)) {
    guarded[id] = (ctx, logger, nk, payload) => {
      const error = revokedSessionError(ctx, logger, nk);
      if (error) throw error;
      return handler(ctx, logger, nk, payload);
    };
  }
  return guarded;
}

/**
 * Realtime before hook: a socket whose login was revoked is refused and closed (Nakama
 * closes a session whose before hook returns nothing). It covers sockets that a revoked token
 * could still open (Nakama 3.40, #2506): nakama-js pings every 10 s, so such a socket of
 * our client lives at most that long; other realtime features are refused outright. A socket
 * that whoever ended its login is telling and closing (sockets.ts) is only refused (an
 * error, which Nakama answers without closing): closing it here would drop its notice.
 */
export const rtBeforeLiveSession: nkruntime.RtBeforeHookFunction<nkruntime.Envelope> = (
  ctx,
  logger,
  nk,
  envelope,
) => {
  const reason = revokedReason(ctx, logger, nk);
  if (reason === undefined) return envelope;
  if (ctx.sessionId && isBeingClosed(nk, ctx.sessionId)) {
    throw rpcError("session_revoked", reason);
  }
  return undefined;
};
