import type { InputRuns } from "@gift-grab/simulation";

/** Why a client message was dropped (counted per seat, never answered). */
export type DropReason =
  | "malformed"
  | "wrong_op"
  | "other_seat"
  | "ahead"
  | "flood"
  | "paused_limit";

/**
 * One player's place in a live round: reserved for a user id when the match is created, held
 * by at most one socket (a rejoin from another socket takes it over). The inputs received
 * are kept per tick until the server plays them; `log` is what it played (the replay).
 */
export interface Seat {
  index: number;
  /** "" for a bot's seat (nobody can join it). */
  userId: string;
  username: string;
  /** Shown over the seat's Santa in a race (START's players). */
  name: string;
  /** A race's seat the server filled with a bot: never a player's. */
  bot: boolean;
  /**
   * The server plays this seat (bot.ts): a bot's seat, or a race player's once its socket was
   * gone past the reconnect grace (a rejoin takes it back).
   */
  botDriven: boolean;
  /** The client tag of the session that joined (record metadata). */
  client: string;
  /** The socket holding the seat, or null (never joined, or dropped). */
  sessionId: string | null;
  joined: boolean;
  /** When the socket dropped (ms), while it is away. */
  droppedAt: number | null;
  /** Inputs received for ticks not played yet: has[t] = 1 when dx[t], dy[t] hold one. */
  has: Uint8Array;
  dx: Int8Array;
  dy: Int8Array;
  /** The input played last: repeated for a tick whose input came too late. */
  lastDx: number;
  lastDy: number;
  ackTick: number;
  filled: number;
  /** INPUT messages taken in the current match loop (the flood limit). */
  inputsThisLoop: number;
  inputMessages: number;
  dropped: Record<DropReason, number>;
  log: InputRuns;
}

export interface SeatUser {
  userId: string;
  username: string;
  /** What a race shows for the seat (a display name); the username when absent. */
  name?: string;
  bot?: boolean;
}

export function createSeat(index: number, user: SeatUser, ticks: number): Seat {
  const bot = user.bot === true;
  return {
    index,
    userId: bot ? "" : user.userId,
    username: user.username,
    name: user.name || user.username,
    bot,
    botDriven: bot,
    client: "unknown",
    sessionId: null,
    joined: bot,
    droppedAt: null,
    has: new Uint8Array(ticks + 1),
    dx: new Int8Array(ticks + 1),
    dy: new Int8Array(ticks + 1),
    lastDx: 0,
    lastDy: 0,
    ackTick: 0,
    filled: 0,
    inputsThisLoop: 0,
    inputMessages: 0,
    dropped: { malformed: 0, wrong_op: 0, other_seat: 0, ahead: 0, flood: 0, paused_limit: 0 },
    log: [],
  };
}

/**
 * The input the server plays for `tick` (lastDx, lastDy): the one received, or the last one
 * again. The round logs it with the loop's other ticks (round.ts, play()).
 */
export function takeInput(seat: Seat, tick: number): void {
  if (seat.has[tick] === 1) {
    seat.lastDx = seat.dx[tick] as number;
    seat.lastDy = seat.dy[tick] as number;
    seat.ackTick = tick;
  } else seat.filled += 1;
}

export function droppedTotal(seat: Seat): number {
  const d = seat.dropped;
  return d.malformed + d.wrong_op + d.other_seat + d.ahead + d.flood + d.paused_limit;
}
