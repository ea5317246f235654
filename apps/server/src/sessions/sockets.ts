import {
  SESSION_ENDED_CODE,
  SESSION_ENDED_SUBJECT,
  type SessionEndedContent,
} from "@gift-grab/contracts";
import { notificationStream } from "./notification-stream";

/** The user's live sockets (Nakama tracks each on the notification stream, hidden). */
export function liveSockets(nk: nkruntime.Nakama, userId: string): string[] {
  return nk.streamUserList(notificationStream(userId), true, true).map((p) => p.sessionId);
}

/**
 * Tells every live socket of the user why it is about to close (session_ended, not
 * persisted). Call {@link closeSockets} after other work: the notification is queued on each
 * socket's writer and must leave before the close cancels it.
 */
export function tellSockets(nk: nkruntime.Nakama, userId: string, content: SessionEndedContent) {
  nk.notificationsSend([
    {
      userId,
      code: SESSION_ENDED_CODE,
      subject: SESSION_ENDED_SUBJECT,
      content,
      persistent: false,
    },
  ]);
}

/**
 * Nakama's Close() cancels the socket's writer at once, dropping whatever is still queued,
 * and the JS runtime can neither pass final messages to sessionDisconnect nor sleep. So
 * before closing, give the writers a moment to send the session_ended notification: a
 * 50 ms pg_sleep, spent only when there are sockets to close (a kick or a sign-out).
 */
const FLUSH_WAIT_SEC = 0.05;

export function closeSockets(nk: nkruntime.Nakama, logger: nkruntime.Logger, sessionIds: string[]) {
  if (sessionIds.length === 0) return;
  try {
    nk.sqlQuery("SELECT pg_sleep($1)", [FLUSH_WAIT_SEC]);
  } catch (err) {
    logger.warn("flush wait before closing sockets failed: %s", String(err));
  }
  for (const id of sessionIds) {
    try {
      nk.sessionDisconnect(id);
    } catch (err) {
      // Already gone (closed by the client meanwhile): nothing left to close.
      logger.debug("session %s already closed: %s", id, String(err));
    }
  }
}
