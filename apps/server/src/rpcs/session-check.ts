import { sessionCheck } from "@gift-grab/contracts";
import { handleRpc } from "../runtime/handle-rpc";

/** Nakama tracks every socket on this stream (hidden presence), one per live session. */
export function notificationStream(userId: string): nkruntime.Stream {
  return { mode: 0, subject: userId };
}

export const rpcSessionCheck: nkruntime.RpcFunction = (ctx, logger, nk, payload) =>
  handleRpc(sessionCheck, ctx, logger, payload, (_input, userId) => {
    const connected = nk.streamCount(notificationStream(userId));
    // A socket RPC comes with its own session id; an HTTP call has no socket of its own.
    const own = ctx.sessionId ? 1 : 0;
    return { already_connected: connected - own > 0, connected_sessions: connected };
  });
