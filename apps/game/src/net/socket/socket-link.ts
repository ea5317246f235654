import { parseSessionEnded, type SessionEndedReason } from "@gift-grab/contracts";
import type {
  MatchData,
  MatchmakerMatched,
  MatchmakerTicket,
  Notification,
  Session,
} from "@heroiclabs/nakama-js";
import { defaultNetTimings as defaults } from "../../config/net-timings";
import { Backoff } from "../backoff";
import { Emitter } from "../emitter";
import { SessionEndedError } from "../session/session-store";

/** The part of a nakama-js socket the link uses (a fake stands in for it in unit tests). */
export interface SocketLike {
  connect(session: Session, createStatus?: boolean, connectTimeoutMs?: number): Promise<unknown>;
  disconnect(fireDisconnectEvent?: boolean): void;
  ondisconnect: (evt: Event) => void;
  onnotification: (notification: Notification) => void;
  onheartbeattimeout: () => void;
  onmatchdata: (data: MatchData) => void;
  onmatchmakermatched: (matched: MatchmakerMatched) => void;
  joinMatch(matchId: string): Promise<unknown>;
  leaveMatch(matchId: string): Promise<unknown>;
  sendMatchState(matchId: string, opCode: number, data: Uint8Array): Promise<unknown>;
  /** A ping (answered by Nakama's pipeline with a pong): a round trip the live clock measures. */
  send(message: { ping: Record<string, never> }): Promise<unknown>;
  addMatchmaker(
    query: string,
    minCount: number,
    maxCount: number,
    stringProperties?: Record<string, string>,
  ): Promise<MatchmakerTicket>;
  removeMatchmaker(ticket: string): Promise<void>;
}

/** Whether the browser has a network, and when to try again at once. */
export interface NetworkSignals {
  isOnline(): boolean;
  /** `online` → back online; `offline` → gone; `visible` → the tab came to the front. */
  subscribe(listener: (signal: "online" | "offline" | "visible") => void): () => void;
}

export type LinkState = "idle" | "connecting" | "online" | "reconnecting" | "offline" | "ended";

export interface LinkEvents {
  state: (state: LinkState) => void;
  /** The server ended this socket's session (a sign-in elsewhere, sign out everywhere…). */
  sessionEnded: (info: { reason: SessionEndedReason; at: Date; client: string | null }) => void;
  /** A match's message on the open socket (net/live/live-match.ts reads them). */
  matchData: (data: MatchData) => void;
  /** The matchmaker made a match of a ticket of this socket (net/races/quick-race.ts). */
  matchmakerMatched: (matched: MatchmakerMatched) => void;
}

export interface SocketLinkDeps {
  createSocket: () => SocketLike;
  /** A token good to open the socket with (refreshed if needed). Throws SessionEndedError. */
  token: () => Promise<string>;
  /** After a failed connect: is the session still good? (an HTTP call; false on a 401). */
  sessionAlive: () => Promise<boolean>;
  network: NetworkSignals;
  backoff?: Backoff;
  connectTimeoutMs?: number;
}

/** Nakama's own notification to a socket replaced by a newer socket of the same user. */
const NAKAMA_SINGLE_SOCKET = -7;

/**
 * Keeps one realtime socket open while signed in. A drop (no session_ended notice first:
 * a close such as 1006, or nakama-js' heartbeat timeout) → "reconnecting" with capped exponential backoff and
 * jitter, retried at once when the browser comes back online or the tab becomes visible;
 * "offline" while the browser says there is no network. A session_ended notice stops it
 * for good: it never reconnects after a kick.
 */
export class SocketLink {
  readonly events = new Emitter<LinkEvents>();
  private current: LinkState = "idle";
  private socket: SocketLike | null = null;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private everOpened = false;
  private running = false;
  private readonly backoff: Backoff;
  private unsubscribe: (() => void) | null = null;
  /** How many times a socket was opened (tests count reconnects with it). */
  connectAttempts = 0;

  constructor(private readonly deps: SocketLinkDeps) {
    this.backoff =
      deps.backoff ??
      new Backoff({ baseMs: defaults.reconnectBaseMs, maxMs: defaults.reconnectMaxMs });
  }

  get state(): LinkState {
    return this.current;
  }

  /** The open socket, or null while there is none (matches join and send through it). */
  get open(): SocketLike | null {
    return this.current === "online" ? this.socket : null;
  }

  /** Opens the socket (resolves after the first attempt, open or not). */
  start(): Promise<void> {
    this.stop();
    this.running = true;
    this.everOpened = false;
    this.backoff.reset();
    this.unsubscribe = this.deps.network.subscribe((signal) => this.onNetwork(signal));
    return this.attempt();
  }

  /** Closes the socket and stops retrying (sign-out, kick). */
  stop(): void {
    this.halt("idle");
  }

  /** No more attempts: pending retries cancelled, listeners dropped, socket closed. */
  private halt(state: "idle" | "ended"): void {
    this.running = false;
    this.generation++;
    this.clearTimer();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.closeSocket();
    this.setState(state);
  }

  private async attempt(): Promise<void> {
    const gen = ++this.generation;
    this.clearTimer();
    if (!this.deps.network.isOnline()) {
      this.setState("offline");
      return;
    }
    this.setState(this.everOpened ? "reconnecting" : "connecting");
    let token: string;
    try {
      token = await this.deps.token();
    } catch (err) {
      if (gen !== this.generation) return;
      if (err instanceof SessionEndedError) return this.end();
      return this.retryLater();
    }
    if (gen !== this.generation) return;
    const socket = this.deps.createSocket();
    socket.onnotification = (n) => this.onNotification(gen, n);
    socket.onheartbeattimeout = () => {};
    // nakama-js only fails a connect on an error event or its timeout; a close before the
    // open (a refused or cut connection) fails it here at once.
    const closedBeforeOpen = new Promise<never>((_, reject) => {
      socket.ondisconnect = () => reject(new Error("closed before open"));
    });
    this.connectAttempts++;
    try {
      await Promise.race([
        socket.connect(
          { token } as Session,
          true,
          this.deps.connectTimeoutMs ?? defaults.connectTimeoutMs,
        ),
        closedBeforeOpen,
      ]);
    } catch {
      safeDisconnect(socket);
      if (gen !== this.generation) return;
      // The browser hides why an upgrade failed: a 401 (session revoked) looks like a drop.
      const alive = await this.deps.sessionAlive().catch(() => true);
      if (gen !== this.generation) return;
      return alive ? this.retryLater() : this.end();
    }
    if (gen !== this.generation) {
      safeDisconnect(socket);
      return;
    }
    this.socket = socket;
    socket.ondisconnect = () => this.onDrop(gen);
    // No pong in time: nakama-js closes the socket, but on a dead route the close event can
    // take a long while (the closing handshake never completes). Count it as a drop now.
    socket.onheartbeattimeout = () => this.onDrop(gen);
    socket.onmatchdata = (data) => {
      if (gen === this.generation) this.events.emit("matchData", data);
    };
    socket.onmatchmakermatched = (matched) => {
      if (gen === this.generation) this.events.emit("matchmakerMatched", matched);
    };
    this.everOpened = true;
    this.backoff.reset();
    this.setState("online");
  }

  private onNotification(gen: number, n: Notification): void {
    if (gen !== this.generation) return;
    const ended = parseSessionEnded(n);
    if (ended) {
      this.endedByServer(ended.reason, new Date(ended.at * 1000), ended.client ?? null);
    } else if (n.code === NAKAMA_SINGLE_SOCKET) {
      this.endedByServer("signed_in_elsewhere", new Date(), null);
    }
  }

  private endedByServer(reason: SessionEndedReason, at: Date, client: string | null): void {
    this.halt("ended");
    this.events.emit("sessionEnded", { reason, at, client });
  }

  private onDrop(gen: number): void {
    if (gen !== this.generation || !this.running) return;
    this.closeSocket();
    this.retryLater();
  }

  private retryLater(): void {
    if (!this.running) return;
    if (!this.deps.network.isOnline()) {
      this.setState("offline");
      return;
    }
    this.setState(this.everOpened ? "reconnecting" : "connecting");
    this.clearTimer();
    this.timer = setTimeout(() => void this.attempt(), this.backoff.next());
  }

  /** The session can't be renewed: stop; the owner tells the player to sign in again. */
  private end(): void {
    this.endedByServer("session_revoked", new Date(), null);
  }

  private onNetwork(signal: "online" | "offline" | "visible"): void {
    if (!this.running) return;
    if (signal === "offline") {
      // Don't wait for the heartbeat to notice: the socket is as good as gone.
      this.generation++;
      this.clearTimer();
      this.closeSocket();
      this.setState("offline");
      return;
    }
    if (this.current === "reconnecting" || this.current === "offline") void this.attempt();
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.ondisconnect = () => {};
      socket.onnotification = () => {};
      socket.onmatchdata = () => {};
      socket.onmatchmakermatched = () => {};
      safeDisconnect(socket);
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setState(state: LinkState): void {
    if (state === this.current) return;
    this.current = state;
    this.events.emit("state", state);
  }
}

function safeDisconnect(socket: SocketLike): void {
  try {
    socket.disconnect(false);
  } catch {
    // already closed
  }
}

/** The browser's online/offline and visibilitychange events. */
export function browserNetworkSignals(): NetworkSignals {
  return {
    isOnline: () => typeof navigator === "undefined" || navigator.onLine !== false,
    subscribe(listener) {
      if (typeof window === "undefined") return () => {};
      const online = () => listener("online");
      const offline = () => listener("offline");
      const visible = () => {
        if (document.visibilityState === "visible") listener("visible");
      };
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      document.addEventListener("visibilitychange", visible);
      return () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
        document.removeEventListener("visibilitychange", visible);
      };
    },
  };
}
