/** Nakama tracks every socket on this stream (hidden presence), one per live session. */
export function notificationStream(userId: string): nkruntime.Stream {
  return { mode: 0, subject: userId };
}
