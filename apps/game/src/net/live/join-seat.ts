import type { StartMessage } from "@gift-grab/contracts";
import { type ArrivalTiming, LiveMatch, type MatchLink } from "./live-match";

/** A seat in a live match, joined: its first START and when it arrived. */
export interface JoinedSeat {
  match: LiveMatch;
  start: StartMessage;
  arrived: ArrivalTiming;
}

/**
 * Joins a live match over the link's socket and waits for its START (a solo round's comes at
 * once; a race's when every seat is in). A failed join leaves the match.
 */
export async function joinSeat(
  link: MatchLink,
  matchId: string,
  options: { startTimeoutMs?: number } = {},
): Promise<JoinedSeat> {
  const match = new LiveMatch({ link, matchId, ...options });
  let arrived: ArrivalTiming = { receivedAt: 0, oneWayMs: 0 };
  const offStart = match.events.on("start", (_m, t) => {
    arrived = t;
  });
  try {
    const start = await match.join();
    return { match, start, arrived };
  } catch (err) {
    match.leave();
    throw err;
  } finally {
    offStart();
  }
}
