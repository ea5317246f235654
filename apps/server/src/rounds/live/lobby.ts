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
  /** When the lobby was made (ms): its host is away from then until its socket comes in. */
  now?: number;
}

export type ReserveAnswer = { seat: number } | { refused: "full" | "started" | "closed" };

/** A socket in the lobby's match: its user, client tag, and since when that user is here. */
export interface Present {
  userId: string;
  client: string;
  since: number;
}

export class Lobby {
  readonly maxSeats: number;
  readonly expiresAt: number;
  /** By seat: the maker first, then each friend in the order they reserved. */
  readonly users: RaceSeats["users"];
  /** Sockets in the match: sessionId → user, client tag (replayed into the round), arrival. */
  readonly present = new Map<string, Present>();
  /** The seat that hosts: may start the race. The maker's until handOver gives it on. */
  host = 0;
  /** Since when the host has had no socket here (ms), or null while it is here. */
  private hostAwaySince: number | null;
  /** Its maker opened another lobby: this one closes at the match's next loop. */
  abandoned = false;

  constructor(init: LobbyInit) {
    this.users = [{ ...init.host }];
    this.maxSeats = Math.max(
      RaceMatchmaker.minCount,
      Math.min(RaceMatchmaker.maxCount, init.maxSeats),
    );
    this.expiresAt = init.expiresAt;
    this.hostAwaySince = init.now ?? 0;
  }

  /** The hosting player's user id. */
  get hostId(): string {
    return (this.users[this.host] as RaceSeats["users"][number]).user_id;
  }

  seatOf(userId: string): number {
    for (let i = 0; i < this.users.length; i++)
      if ((this.users[i] as RaceSeats["users"][number]).user_id === userId) return i;
    return -1;
  }

  /** A seat for this user: the one held already, the next free one, or why not. */
  reserve(userId: string, username: string, name = username): ReserveAnswer {
    if (this.abandoned) return { refused: "closed" };
    const held = this.seatOf(userId);
    if (held >= 0) return { seat: held };
    if (this.users.length >= this.maxSeats) return { refused: "full" };
    this.users.push({ user_id: userId, username, name });
    return { seat: this.users.length - 1 };
  }

  /** Only a user with a reserved seat may be in the lobby's match. */
  mayJoin(userId: string): boolean {
    return userId !== "" && !this.abandoned && this.seatOf(userId) >= 0;
  }

  join(userId: string, sessionId: string, client: string, now = 0) {
    // An older socket of the same user is replaced, as in a round (a reload keeps its wait).
    let replaced: string | null = null;
    let since = now;
    for (const [id, p] of this.present)
      if (p.userId === userId && id !== sessionId) {
        replaced = id;
        since = Math.min(since, p.since);
      }
    if (replaced) this.present.delete(replaced);
    this.present.set(sessionId, { userId, client, since });
    if (userId === this.hostId) this.hostAwaySince = null;
    return replaced;
  }

  /** Whether the socket was in (a socket replaced by a newer one of its user already isn't). */
  leave(sessionId: string, now = 0): boolean {
    const p = this.present.get(sessionId);
    if (!p) return false;
    this.present.delete(sessionId);
    if (p.userId === this.hostId && !this.isHere(p.userId)) this.hostAwaySince = now;
    return true;
  }

  private isHere(userId: string): boolean {
    for (const p of this.present.values()) if (p.userId === userId) return true;
    return false;
  }

  /**
   * A player hosts one lobby at a time: making another abandons the one they made before,
   * friends' reservations or not (each lobby is a match running 20 loops a second until its
   * expiry). True if `userId` made this lobby and it is now abandoned.
   */
  abandon(userId: string): boolean {
    if (userId === "" || (this.users[0] as RaceSeats["users"][number]).user_id !== userId)
      return false;
    this.abandoned = true;
    return true;
  }

  /** Only the hosting player may start the race. */
  mayStart(userId: string): boolean {
    return userId !== "" && userId === this.hostId;
  }

  /**
   * A host away `graceMs` or longer while others wait: the player here longest (the lowest
   * seat between equals) hosts from now on, so the lobby can still start. The host who left
   * keeps their seat (they may come back, as a player) and the role stays where it went.
   * Nobody here: nothing changes, and a host who comes back is host still. True on a change.
   */
  handOver(now: number, graceMs: number): boolean {
    const away = this.hostAwaySince;
    if (away === null || now - away < graceMs) return false;
    let next = -1;
    let longest = Number.POSITIVE_INFINITY;
    for (const p of this.present.values()) {
      const seat = this.seatOf(p.userId);
      if (seat < 0 || seat === this.host) continue;
      if (p.since < longest || (p.since === longest && seat < next)) {
        longest = p.since;
        next = seat;
      }
    }
    if (next < 0) return false;
    this.host = next;
    this.hostAwaySince = null;
    return true;
  }

  /** What LOBBY tells every socket in the lobby: each seat's name, whether its user is in, the host. */
  message(): LobbyMessage {
    const players: LobbyMessage["players"] = [];
    for (let i = 0; i < this.users.length; i++) {
      const u = this.users[i] as RaceSeats["users"][number];
      players.push({ name: u.name || u.username, here: this.isHere(u.user_id) });
    }
    return { maxSeats: this.maxSeats, players, host: this.host };
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
