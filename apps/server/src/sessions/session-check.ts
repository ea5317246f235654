import { sessionCheck } from "@gift-grab/contracts";
import { defineHandler } from "../runtime/handle-rpc";
import { notificationStream } from "./notification-stream";

export const sessionCheckHandler = defineHandler(sessionCheck, {
  run(_input, { userId, ctx, nk }) {
    const connected = nk.streamCount(notificationStream(userId));
    // A socket RPC comes with its own session id; an HTTP call has no socket of its own.
    const own = ctx.sessionId ? 1 : 0;
    return { already_connected: connected - own > 0, connected_sessions: connected };
  },
});
