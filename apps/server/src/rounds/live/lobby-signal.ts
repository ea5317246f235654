import type { Lobby } from "./lobby";
import type { RaceSeats } from "./match";
import type { LiveRound } from "./round";

/**
 * What a friend race's RPCs ask its match (nk.matchSignal, JSON both ways), and what it
 * answers. The match is the one place a lobby's seats live, and it handles one signal at a
 * time: two friends can't both take the last seat, and a start can't race a reservation.
 */
export type LobbySignal =
  | { op: "reserve"; user_id: string; username: string; name?: string }
  /** `user_id`: who asks; only the lobby's host now (it may have been handed over) may. */
  | { op: "start"; bots: boolean; user_id: string }
  | { op: "over" }
  /** The lobby's maker made another: this one closes (Lobby.abandon). */
  | { op: "abandon"; user_id: string }
  | { op: "rematch"; match_id: string };

export type SignalAnswer =
  | { seat: number }
  | { race: RaceSeats }
  | { rematched: true }
  /** `gathering`: a race (or a rematch) waiting for its players before START. */
  | { over: boolean; gathering: boolean }
  | { abandoned: boolean }
  | { refused: "full" | "started" | "closed" | "not_host" | "not_over" | "failed" };

export interface SignalTarget {
  lobby: Lobby | null;
  round: LiveRound | null;
  start: (bots: boolean) => RaceSeats;
  rematch: (matchId: string) => void;
}

export function lobbySignal(signal: LobbySignal, t: SignalTarget): SignalAnswer {
  if (signal.op === "reserve") {
    if (t.lobby) {
      const answer = t.lobby.reserve(
        String(signal.user_id),
        String(signal.username ?? ""),
        String(signal.name || signal.username || ""),
      );
      return "seat" in answer ? { seat: answer.seat } : { refused: answer.refused };
    }
    // A started race (or a rematch) takes back only its own players.
    const seat = t.round?.seatOf(String(signal.user_id));
    return seat ? { seat: seat.index } : { refused: "started" };
  }
  if (signal.op === "abandon") {
    return { abandoned: t.lobby?.abandon(String(signal.user_id)) ?? false };
  }
  if (signal.op === "start") {
    if (t.lobby?.abandoned) return { refused: "closed" };
    if (!t.lobby) return { refused: "started" };
    if (!t.lobby.mayStart(String(signal.user_id))) return { refused: "not_host" };
    return { race: t.start(signal.bots === true) };
  }
  if (signal.op === "over") {
    return { over: t.round?.phase === "over", gathering: t.round?.phase === "waiting" };
  }
  if (signal.op === "rematch") {
    if (t.round?.phase !== "over") return { refused: "not_over" };
    t.rematch(String(signal.match_id));
    return { rematched: true };
  }
  return { refused: "failed" };
}
