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
 * persisted), and marks `sessionIds` as being closed by the caller, who must call
 * {@link closeSockets} for them next: the notification is queued on each socket's writer and
 * must leave before a close cancels it, so until then our guard refuses what those sockets
 * send without closing them (guard.ts, {@link isBeingClosed}).
 */
export function tellSockets(
  nk: nkruntime.Nakama,
  userId: string,
  content: SessionEndedContent,
  sessionIds: string[],
) {
  for (const id of sessionIds) nk.localcachePut(closingKey(id), "1", CLOSING_MARK_SEC);
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

/** Longer than closeSockets' wait: the mark outlives the close it announces. */
const CLOSING_MARK_SEC = 5;
const closingKey = (sessionId: string) => `gift-grab:closing:${sessionId}`;

/** A socket told by {@link tellSockets} and about to be closed by its caller. */
export function isBeingClosed(nk: nkruntime.Nakama, sessionId: string): boolean {
  return nk.localcacheGet(closingKey(sessionId)) !== undefined;
}

/**
 * Nakama's Close() cancels the socket's writer at once, dropping whatever is still queued,
 * and the JS runtime can neither pass final messages to sessionDisconnect nor sleep. So a
 * socket that was told why gets time to read it: a client that reads session_ended closes
 * the socket itself (the game does), which is the proof it arrived, so the wait polls the
 * user's sockets in 50 ms steps (pg_sleep) and ends once the told ones are gone. Sockets
 * still open after 1 s (a client that ignores the notice, or a starved CPU's writer) are
 * closed then. Only kicks and sign-outs with sockets open pay it.
 */
const FLUSH_POLL_SEC = 0.05;
const FLUSH_MAX_POLLS = 20;

/**
 * Closes the sockets. With `toldUserId` (their user, told by {@link tellSockets}), first
 * waits for the notification to leave as above; without, closes at once.
 */
export function closeSockets(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  sessionIds: string[],
  toldUserId?: string,
) {
  let open = sessionIds;
  if (toldUserId !== undefined) {
    try {
      for (let i = 0; i < FLUSH_MAX_POLLS && open.length > 0; i++) {
        nk.sqlQuery("SELECT pg_sleep($1)", [FLUSH_POLL_SEC]);
        const live = liveSockets(nk, toldUserId);
        open = open.filter((id) => live.includes(id));
      }
    } catch (err) {
      logger.warn("flush wait before closing sockets failed: %s", String(err));
    }
  }
  for (const id of open) {
    try {
      nk.sessionDisconnect(id);
    } catch (err) {
      // Already gone (closed by the client meanwhile): nothing left to close.
      logger.debug("session %s already closed: %s", id, String(err));
    }
  }
}
