import {
  decodeEnd,
  decodeFrame,
  decodeLobby,
  decodeLobbyClosed,
  decodePaused,
  decodeRematch,
  decodeStart,
  type EndMessage,
  encodeInput,
  encodePause,
  type FrameMessage,
  type InputMessage,
  LiveOp,
  LiveTiming,
  type LobbyClosedReason,
  type LobbyMessage,
  type PausedMessage,
  type StartMessage,
} from "@gift-grab/contracts";
import type { MatchData } from "@heroiclabs/nakama-js";
import { Emitter } from "../emitter";
import type { LinkEvents, LinkState, SocketLike } from "../socket/socket-link";
import { LiveRoundFailure } from "./live-round-failure";
import { OneWayDelay } from "./one-way-delay";

/**
 * Pings after each join, one every PING_EVERY_MS at most (the countdown is 3 s): round trips
 * for the one-way estimate, spread out so that one stall of the page doesn't lengthen them all.
 */
const PINGS = 6;
const PING_EVERY_MS = 250;

/** What a live round's match tells the game, decoded (op codes in contracts' LiveOp). */
export interface LiveMatchEvents {
  /** On join and on every rejoin: the round's clock and the public state (a snapshot). */
  start: (m: StartMessage, timing: ArrivalTiming) => void;
  frame: (m: FrameMessage) => void;
  paused: (m: PausedMessage, timing: ArrivalTiming) => void;
  end: (m: EndMessage) => void;
  /** A friend race's lobby before its start: who holds a seat, who is here. */
  lobby: (m: LobbyMessage) => void;
  /**
   * A friend race's lobby closed before its start (LOBBY_CLOSED): its maker made another, or
   * it expired. The match is over: nothing follows, and a dropped socket rejoins nothing.
   */
  lobbyClosed: (why: LobbyClosedReason) => void;
  /**
   * The one-way delay estimate came down (a ping's round trip was shorter than any before):
   * START's clock can be set again with it while the countdown runs.
   */
  oneWay: (ms: number) => void;
  /** A friend race's host asked for a rematch after the END: the new match to join. */
  rematch: (matchId: string) => void;
  /** The socket dropped ("away": rejoining within the grace) or the seat is back. */
  link: (state: "away" | "back") => void;
  /**
   * The seat is gone: away past the grace, the match refused the rejoin (it is over or gone,
   * e.g. the server restarted), or the session ended (kick, sign-out elsewhere).
   */
  lost: (why: "grace" | "gone" | "session") => void;
}

/** When a message arrived, and how long it took to come (one-way-delay.ts' estimate then). */
export interface ArrivalTiming {
  receivedAt: number;
  oneWayMs: number;
}

/** The part of SocketLink a match uses. */
export interface MatchLink {
  readonly open: SocketLike | null;
  readonly state: LinkState;
  readonly events: { on<E extends keyof LinkEvents>(e: E, h: LinkEvents[E]): () => void };
}

export interface LiveMatchDeps {
  link: MatchLink;
  matchId: string;
  now?: () => number;
  /** How long the server keeps a dropped seat (LiveTiming.reconnectGraceMs). */
  graceMs?: number;
  /** How long a join waits for START. */
  startTimeoutMs?: number;
}

/**
 * One seat in a live round's match over the game's socket: joins, decodes what the match
 * sends into typed events, sends INPUT and PAUSE. A dropped socket (SocketLink reconnects,
 * renewing the session if needed) rejoins the same match while the server still keeps the
 * seat; START then comes again with the round as it is. Past the grace the seat is lost.
 */
export class LiveMatch {
  readonly events = new Emitter<LiveMatchEvents>();
  readonly matchId: string;
  private readonly now: () => number;
  private readonly delay = new OneWayDelay();
  /** A join is waiting for its answer: a START that comes first waits for the round trip. */
  private joining = false;
  private early: { m: StartMessage; receivedAt: number } | null = null;
  private awaySince: number | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;
  private joined = false;
  private rejoining = false;
  private readonly off: (() => void)[] = [];
  /** Messages that did not decode (never thrown: counted). */
  malformed = 0;
  /** A friend race's last LOBBY (it may come before the join's answer: kept for whoever asks). */
  lobby: LobbyMessage | null = null;
  /**
   * FRAMEs that came while nothing followed the round: between START and the race or round
   * screen taking it (a scene starts on the next frame). The screen plays them first
   * (takeBacklog): a frame missed is ticks the confirmed round can't replay.
   */
  private backlog: FrameMessage[] = [];

  constructor(private readonly deps: LiveMatchDeps) {
    this.matchId = deps.matchId;
    this.now = deps.now ?? (() => performance.now());
    this.off.push(
      deps.link.events.on("matchData", (d) => this.receive(d)),
      deps.link.events.on("state", (s) => this.linkChanged(s)),
    );
  }

  /** Joins the match; resolves with the first START. */
  async join(): Promise<StartMessage> {
    const started = new Promise<StartMessage>((resolve, reject) => {
      const off = this.events.on("start", (m) => {
        off();
        clearTimeout(timer);
        resolve(m);
      });
      const timer = setTimeout(() => {
        off();
        reject(new LiveRoundFailure("refused"));
      }, this.deps.startTimeoutMs ?? 10_000);
    });
    // A failed join rejects `started`'s caller below; the START wait must not reject unheard.
    started.catch(() => {});
    await this.joinSocket();
    this.joined = true;
    return started;
  }

  /**
   * Joins a friend race's lobby: START comes only when its host starts the race ("lobby"
   * events until then, "start" then).
   */
  async enter(): Promise<void> {
    await this.joinSocket();
    this.joined = true;
  }

  private async joinSocket(): Promise<void> {
    const socket = this.deps.link.open;
    if (!socket) throw new LiveRoundFailure("unreachable");
    const sent = this.now();
    this.joining = true;
    try {
      await socket.joinMatch(this.matchId);
    } catch {
      throw new LiveRoundFailure("refused");
    } finally {
      this.joining = false;
    }
    this.delay.add(this.now() - sent);
    // Nakama queues the match's join (which sends START) before it answers the join: START
    // often comes first, and waited here for the round trip that says how long it took.
    const early = this.early;
    this.early = null;
    if (early) this.events.emit("start", early.m, this.timing(early.receivedAt));
    void this.ping(socket);
  }

  /** Round trips after a join, spread out, for the estimate's minimum. */
  private async ping(socket: SocketLike): Promise<void> {
    for (let i = 0; i < PINGS; i++) {
      if (this.ended || this.deps.link.open !== socket) return;
      const sent = this.now();
      try {
        await socket.send({ ping: {} });
      } catch {
        return;
      }
      const rtt = this.now() - sent;
      if (this.delay.add(rtt)) this.events.emit("oneWay", this.delay.ms);
      const wait = PING_EVERY_MS - rtt;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** The one-way delay estimate now (ms). */
  get oneWayMs(): number {
    return this.delay.ms;
  }

  private timing(receivedAt: number): ArrivalTiming {
    return { receivedAt, oneWayMs: this.delay.ms };
  }

  /** The FRAMEs nobody followed yet, oldest first (emptied). */
  takeBacklog(): FrameMessage[] {
    return this.backlog.splice(0);
  }

  sendInput(m: InputMessage): void {
    this.send(LiveOp.INPUT, encodeInput(m));
  }

  sendPause(pause: boolean): void {
    this.send(LiveOp.PAUSE, encodePause(pause));
  }

  private send(op: number, data: ArrayBuffer): void {
    if (this.ended || this.awaySince !== null) return;
    const socket = this.deps.link.open;
    // Lost with the socket: INPUT is redundant, and the next START resets what was paused.
    socket?.sendMatchState(this.matchId, op, new Uint8Array(data)).catch(() => {});
  }

  /** Leaves the seat (the round is over for this player, or they quit, sign out or step aside). */
  leave(): void {
    if (this.ended) return;
    this.stop();
    this.deps.link.open?.leaveMatch(this.matchId).catch(() => {});
  }

  private stop(): void {
    this.ended = true;
    clearTimeout(this.graceTimer);
    for (const off of this.off.splice(0)) off();
  }

  private receive(d: MatchData): void {
    if (d.match_id !== this.matchId || this.ended) return;
    const timing = this.timing(this.now());
    const data = d.data;
    switch (d.op_code) {
      case LiveOp.START: {
        const m = decodeStart(data);
        if (!m) break;
        // A snapshot: frames before it are in it.
        this.backlog.length = 0;
        if (this.joining) this.early = { m, receivedAt: timing.receivedAt };
        else this.events.emit("start", m, timing);
        return;
      }
      case LiveOp.FRAME: {
        const m = decodeFrame(data);
        if (!m) break;
        if (this.events.heard("frame")) this.events.emit("frame", m);
        else this.backlog.push(m);
        return;
      }
      case LiveOp.PAUSED: {
        const m = decodePaused(data);
        if (!m) break;
        this.events.emit("paused", m, timing);
        return;
      }
      case LiveOp.END: {
        const m = decodeEnd(data);
        if (!m) break;
        this.events.emit("end", m);
        return;
      }
      case LiveOp.LOBBY: {
        const m = decodeLobby(data);
        if (!m) break;
        this.lobby = m;
        this.events.emit("lobby", m);
        return;
      }
      case LiveOp.LOBBY_CLOSED: {
        const m = decodeLobbyClosed(data);
        if (!m) break;
        this.stop();
        this.events.emit("lobbyClosed", m.reason);
        return;
      }
      case LiveOp.REMATCH: {
        const m = decodeRematch(data);
        if (!m) break;
        this.events.emit("rematch", m.matchId);
        return;
      }
    }
    this.malformed += 1;
  }

  private linkChanged(state: LinkState): void {
    if (this.ended || !this.joined) return;
    if (state === "idle" || state === "ended") {
      // Signed out, kicked or stepped aside: the socket is gone for good.
      this.stop();
      this.events.emit("lost", "session");
      return;
    }
    if (state !== "online") {
      if (this.awaySince !== null) return;
      this.awaySince = this.now();
      this.events.emit("link", "away");
      this.graceTimer = setTimeout(() => {
        this.stop();
        this.events.emit("lost", "grace");
      }, this.deps.graceMs ?? LiveTiming.reconnectGraceMs);
      return;
    }
    if (this.awaySince !== null) void this.rejoin();
  }

  /** Back online within the grace: the same match again; its START is the snapshot. */
  private async rejoin(): Promise<void> {
    if (this.rejoining) return;
    this.rejoining = true;
    // A new socket, perhaps on another network: its round trips are measured afresh.
    this.delay.reset();
    try {
      await this.joinSocket();
      if (this.ended) return;
      clearTimeout(this.graceTimer);
      this.awaySince = null;
      this.events.emit("link", "back");
    } catch {
      // Refused on an open socket: the match no longer has the seat (it ended meanwhile).
      if (this.deps.link.open && !this.ended) {
        this.stop();
        this.events.emit("lost", "gone");
      }
      // No socket: the next online tries again while the grace timer runs.
    } finally {
      this.rejoining = false;
    }
  }
}
