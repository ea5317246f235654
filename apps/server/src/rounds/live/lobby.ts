import { type LobbyMessage, RaceMatchmaker } from "@gift-grab/contracts";
import type { RaceSeats } from "./match";

/**
 * A friend race before its host starts it (docs/realtime.md "Racing a friend"), with no Nakama
 * in it: the seats reserved by code (race_lobby_join, through a match signal), the sockets in
 * the match, and the rules for starting. The match handler (match.ts) turns it into a LiveRound
 * when the host starts; until then no round exists, so the Santa count is known at the start.
 */
export interface LobbyInit {
  host: { user_id: string; username: string; name?: string };
  /** Seats at most (2–4). */
  maxSeats: number;
  expiresAt: number;
}

export type ReserveAnswer = { seat: number } | { refused: "full" | "started" };

export class Lobby {
  readonly maxSeats: number;
  readonly expiresAt: number;
  readonly hostId: string;
  /** By seat: the host first, then each friend in the order they reserved. */
  readonly users: RaceSeats["users"];
  /** Sockets in the match: sessionId → user id and client tag (replayed into the round). */
  readonly present = new Map<string, { userId: string; client: string }>();

  constructor(init: LobbyInit) {
    this.hostId = init.host.user_id;
    this.users = [{ ...init.host }];
    this.maxSeats = Math.max(
      RaceMatchmaker.minCount,
      Math.min(RaceMatchmaker.maxCount, init.maxSeats),
    );
    this.expiresAt = init.expiresAt;
  }

  seatOf(userId: string): number {
    for (let i = 0; i < this.users.length; i++)
      if ((this.users[i] as RaceSeats["users"][number]).user_id === userId) return i;
    return -1;
  }

  /** A seat for this user: the one held already, the next free one, or why not. */
  reserve(userId: string, username: string, name = username): ReserveAnswer {
    const held = this.seatOf(userId);
    if (held >= 0) return { seat: held };
    if (this.users.length >= this.maxSeats) return { refused: "full" };
    this.users.push({ user_id: userId, username, name });
    return { seat: this.users.length - 1 };
  }

  /** Only a user with a reserved seat may be in the lobby's match. */
  mayJoin(userId: string): boolean {
    return userId !== "" && this.seatOf(userId) >= 0;
  }

  join(userId: string, sessionId: string, client: string) {
    // An older socket of the same user is replaced, as in a round.
    let replaced: string | null = null;
    for (const [id, p] of this.present) if (p.userId === userId && id !== sessionId) replaced = id;
    if (replaced) this.present.delete(replaced);
    this.present.set(sessionId, { userId, client });
    return replaced;
  }

  /** Whether the socket was in (a socket replaced by a newer one of its user already isn't). */
  leave(sessionId: string): boolean {
    return this.present.delete(sessionId);
  }

  /** What LOBBY tells every socket in the lobby: each seat's name and whether its user is in. */
  message(): LobbyMessage {
    const players: LobbyMessage["players"] = [];
    for (let i = 0; i < this.users.length; i++) {
      const u = this.users[i] as RaceSeats["users"][number];
      let here = false;
      for (const p of this.present.values()) if (p.userId === u.user_id) here = true;
      players.push({ name: u.name || u.username, here });
    }
    return { maxSeats: this.maxSeats, players };
  }

  /**
   * The race's seats when the host starts: the players who reserved one, and with `bots` the
   * rest of the lobby's seats for the server's bots. A race needs two Santas, so a host alone
   * gets one bot either way.
   */
  seatsAtStart(bots: boolean): RaceSeats {
    const seats = bots ? this.maxSeats : Math.max(RaceMatchmaker.minCount, this.users.length);
    return { users: this.users.map((u) => ({ ...u })), seats };
  }
}
