import {
  type AnyRpc,
  decodeSessionToken,
  type leaderboardView,
  type RpcRequest,
  type RpcResponse,
} from "@gift-grab/contracts";
import type { Orientation } from "@gift-grab/simulation";
import { Client, type DefaultSocket } from "@heroiclabs/nakama-js";
import { defaultNetTimings, type NetTimings } from "../config/net-timings";
import type { ServerConfig } from "../config/server-config";
import { Backoff } from "./backoff";
import { Emitter } from "./emitter";
import { readFailure } from "./failure";
import type { LiveMatch } from "./live/live-match";
import type { Races } from "./races/races";
import { RoundGate } from "./rounds/round-gate";
import { RpcCaller } from "./rpc-caller";
import { callLeaderboardView } from "./rpcs/leaderboard-view";
import { callLiveRoundCreate } from "./rpcs/live-round-create";
import { callPlayerStatsGet } from "./rpcs/player-stats-get";
import { callReplayGet, callReplayOnBoard } from "./rpcs/replay-get";
import { callSessionLogout } from "./rpcs/session-logout";
import { callSessionLogoutAll } from "./rpcs/session-logout-all";
import { AuthHttp } from "./session/auth-http";
import { friendlyName } from "./session/friendly-name";
import { nakamaSession, storageEvents, webLock } from "./session/nakama-session";
import { Profile } from "./session/profile";
import { SessionEndedError, SessionStore } from "./session/session-store";
import { toSignInFailure } from "./session/sign-in-errors";
import { type SignInAttempt, SignIns } from "./session/sign-ins";
import { browserChannel, browserLocks, type Locks, TabLease } from "./session/tab-lease";
import { browserNetworkSignals, type NetworkSignals, SocketLink } from "./socket/socket-link";
import { PLAYING_TAB_LOCK } from "./storage-keys";
import type {
  ConnectionState,
  GameNet,
  KickInfo,
  LeaderboardOptions,
  LeaderboardPage,
  NetEvents,
  PlayerStats,
  QuickRace,
  RaceRoom,
  RaceRoomInfo,
  RaceTicket,
  Replay,
  RoundCheck,
  RoundTicket,
  SessionInfo,
  StoredRace,
} from "./types";

export interface NetOptions {
  config: ServerConfig;
  /** Reconnect, heartbeat, renewal and retry delays (default: defaultNetTimings). */
  timings?: NetTimings;
  /** Where tokens and the device id live (default: localStorage). */
  storage?: Storage;
  /** The session var naming this build (must pass the contracts' ClientTag). */
  clientTag?: string;
  network?: NetworkSignals;
  /** Web Locks (default: navigator.locks): which tab of this browser plays. */
  locks?: Locks;
}

/**
 * The net layer's one face to the game (GameNet): it wires the parts, each with one job, and
 * keeps the connection's state. Tokens and renewal: SessionStore. Ways to sign in: SignIns.
 * The account: Profile. The realtime socket: SocketLink. Which tab plays: TabLease. A live
 * round's seat: LiveMatch (over the link's socket). Every RPC: RpcCaller, through rpcs/.
 */
export class NakamaNet implements GameNet {
  private readonly emitter = new Emitter<NetEvents>();
  private readonly client: Client;
  private readonly store: SessionStore;
  private readonly signIns: SignIns;
  private readonly profile: Profile;
  private readonly caller: RpcCaller;
  private readonly link: SocketLink;
  private readonly rounds = new RoundGate((orientation) => this.openLiveRound(orientation));
  /** The live round or race this device plays, left on sign-out. */
  private live: LiveMatch | null = null;
  /** The ways into a race, fetched at the first race (see loadRaces). */
  private races: Promise<Races> | null = null;
  private readonly lease: TabLease;
  private state: ConnectionState = "signed_out";
  private restoring = false;

  constructor(options: NetOptions) {
    const { config } = options;
    const t = options.timings ?? defaultNetTimings;
    const storage = options.storage ?? localStorage;
    this.client = new Client(
      config.serverKey,
      config.host,
      config.port,
      config.useSSL,
      10_000,
      false,
    );
    const auth = new AuthHttp(config);
    this.store = new SessionStore({
      storage,
      decode: decodeSessionToken,
      refresh: (refreshToken) => auth.refresh(refreshToken, {}),
      withLock: webLock,
      onOtherTabWrite: storageEvents(storage),
      refreshAheadMs: t.refreshAheadMs,
      minValidityMs: t.minValidityMs,
      retry: new Backoff({ baseMs: t.refreshRetryBaseMs, maxMs: t.refreshRetryMaxMs }),
    });
    this.signIns = new SignIns(auth, storage, options.clientTag);
    this.profile = new Profile(this.client, () => this.store.fresh());
    this.caller = new RpcCaller(this.client, this.store);
    this.lease = new TabLease(
      options.locks ?? browserLocks(),
      PLAYING_TAB_LOCK,
      browserChannel(PLAYING_TAB_LOCK),
    );
    this.lease.events.on("lost", () => this.stepAside());
    this.store.events.on("ended", () => this.sessionOver());
    this.store.events.on("clearedElsewhere", () => this.sessionOver());
    this.link = new SocketLink({
      createSocket: () => {
        // Typed as nakama-js' Socket, made a DefaultSocket, whose send() the live clock's pings use.
        const socket = this.client.createSocket(config.useSSL, false) as DefaultSocket;
        socket.setHeartbeatTimeoutMs(t.heartbeatMs);
        return socket;
      },
      token: async () => (await this.store.fresh()).token,
      sessionAlive: () => this.sessionAlive(),
      network: options.network ?? browserNetworkSignals(),
      backoff: new Backoff({ baseMs: t.reconnectBaseMs, maxMs: t.reconnectMaxMs }),
      connectTimeoutMs: t.connectTimeoutMs,
    });
    this.link.events.on("state", (s) => {
      if (s === "connecting" || s === "online" || s === "reconnecting" || s === "offline") {
        this.setState(s);
      }
    });
    this.link.events.on("sessionEnded", ({ reason, at, client }) => {
      if (reason === "signed_in_elsewhere" || reason === "signed_out_everywhere") {
        this.kicked({ reason, at, clientTag: client });
      } else {
        this.sessionOver();
      }
    });
  }

  get connection(): ConnectionState {
    return this.state;
  }

  on<E extends keyof NetEvents>(event: E, handler: NetEvents[E]): () => void {
    return this.emitter.on(event, handler);
  }

  // ------------------------------------------------------------------ sessions

  async restore(): Promise<"restored" | "none" | "ended"> {
    this.restoring = true;
    let result: "restored" | "none" | "ended";
    try {
      result = await this.store.restore();
    } finally {
      this.restoring = false;
    }
    if (result !== "restored") {
      this.setState("signed_out");
      return result;
    }
    this.profile.restored(this.store.currentClaims ?? {});
    await this.connected({ takeOver: false });
    return "restored";
  }

  async signInAsGuest(): Promise<boolean> {
    const created = await this.establish(this.signIns.guest());
    // Named after sign-in, by the standard UpdateAccount (its before hook checks the name):
    // no database work added to the sign-in itself.
    if (created) await this.setDisplayName(friendlyName()).catch(() => {});
    return created;
  }

  setDisplayName(name: string): Promise<void> {
    return this.profile.setDisplayName(name);
  }

  async signIn(email: string, password: string, options?: { takeover?: boolean }): Promise<void> {
    await this.establish(this.signIns.email(email, password, options?.takeover ?? false));
  }

  async signUp(email: string, password: string, username: string): Promise<void> {
    await this.establish(this.signIns.signUp(email, password, username));
  }

  linkEmail(email: string, password: string): Promise<void> {
    return this.profile.linkEmail(email, password);
  }

  async playHere(): Promise<void> {
    await this.establish(this.signIns.again(this.profile.identity));
  }

  async playInThisTab(): Promise<void> {
    if (this.state !== "other_tab") return;
    this.setState("connecting");
    await this.connected({ takeOver: true });
  }

  async signOut(): Promise<void> {
    const tokens = this.store.current;
    this.leaveLiveRound();
    this.link.stop();
    if (tokens) {
      // Our logout RPC revokes the login across restarts and tells its sockets; Nakama's own
      // logout is the fallback when the RPC can't run.
      await callSessionLogout(this, {}).catch(() =>
        this.client
          .sessionLogout(nakamaSession(tokens), tokens.token, tokens.refreshToken)
          .catch(() => false),
      );
    }
    this.forgetSession(true);
  }

  async signOutEverywhere(): Promise<void> {
    // Close our own socket first: the server tells every socket, ours included.
    this.leaveLiveRound();
    this.link.stop();
    try {
      await callSessionLogoutAll(this, {});
    } catch (err) {
      if (this.store.current) void this.link.start();
      throw err;
    }
    this.forgetSession(true);
  }

  session(): SessionInfo | null {
    const tokens = this.store.current;
    if (!tokens || !this.store.currentClaims || this.state === "kicked") return null;
    return this.profile.info(tokens);
  }

  // ------------------------------------------------------------------ rounds and the board

  prepareRound(orientation: Orientation): Promise<RoundCheck> {
    return this.rounds.prepare(orientation);
  }

  forgetPreparedRound(): void {
    this.rounds.forget();
  }

  startRound(orientation: Orientation): Promise<RoundTicket> {
    return this.rounds.take(orientation);
  }

  /**
   * live_round_create, then a seat in its match over the socket (START received). The seat's
   * code (LiveMatch and the match codec) is fetched alongside the call, the first time: never
   * with the first page (its JavaScript budget: test/bundle.test.ts).
   */
  private async openLiveRound(orientation: Orientation): Promise<RoundTicket> {
    const [{ match_id, duration_ms }, { joinSeat }] = await Promise.all([
      callLiveRoundCreate(this, { orientation }),
      import("./live/join-seat"),
    ]);
    const { match, start, arrived } = await joinSeat(this.link, match_id);
    this.live = match;
    return {
      kind: "live",
      match,
      start,
      arrived,
      durationMs: duration_ms,
      orientation: start.orientation,
    };
  }

  /**
   * Races (the search, the lobby, their RPCs) are a chunk of their own, fetched the first time
   * a player races or opens a race link: never with the first page (test/bundle.test.ts). A
   * failed fetch is tried again at the next race.
   */
  private loadRaces(): Promise<Races> {
    this.races ??= import("./races/races").then(
      ({ Races }) =>
        new Races({
          net: this,
          link: this.link,
          playing: (match) => {
            this.live = match;
          },
        }),
      (err: unknown) => {
        this.races = null;
        throw err;
      },
    );
    return this.races;
  }

  quickRace(): QuickRace {
    let search: QuickRace | null = null;
    let cancelled = false;
    const ticket = this.loadRaces().then((races) => {
      search = races.quick();
      // Cancelled while the chunk came: the search stops as one cancelled at its first step.
      if (cancelled) search.cancel();
      return search.ticket;
    });
    return {
      ticket,
      cancel: () => {
        cancelled = true;
        search?.cancel();
      },
    };
  }

  async hostRace(): Promise<RaceRoom> {
    return (await this.loadRaces()).host();
  }

  async joinRace(code: string): Promise<RaceRoom> {
    return (await this.loadRaces()).joinByCode(code);
  }

  async rematchRace(code: string): Promise<void> {
    return (await this.loadRaces()).rematch(code);
  }

  async joinRematch(matchId: string, lobby: RaceRoomInfo): Promise<RaceTicket> {
    return (await this.loadRaces()).joinMatch(matchId, lobby);
  }

  /** Sign-out and stepping aside end the seat cleanly: the match hears a leave, not a drop. */
  private leaveLiveRound(): void {
    this.live?.leave();
    this.live = null;
  }

  leaderboard(options?: LeaderboardOptions): Promise<LeaderboardPage> {
    const request: RpcRequest<typeof leaderboardView> = {};
    if (options?.board === "versus") request.board = "versus";
    if (options?.cursor) request.cursor = options.cursor;
    if (options?.aroundMe) request.around_me = true;
    return callLeaderboardView(this, request);
  }

  stats(): Promise<PlayerStats> {
    return callPlayerStatsGet(this, {});
  }

  replay(ownerId: string): Promise<Replay> {
    return callReplayGet(this, { owner_id: ownerId });
  }

  boardRun(ownerId: string): Promise<Replay | null> {
    return callReplayOnBoard(this, { owner_id: ownerId });
  }

  async storedRace(matchId: string): Promise<StoredRace> {
    // Only a racer asks, from the race's results: the call and its contract load then, never
    // with the first page (its JavaScript budget: test/bundle.test.ts).
    const { callRaceGet } = await import("./rpcs/race-get");
    return callRaceGet(this, { match_id: matchId });
  }

  rpc<C extends AnyRpc>(contract: C, input: RpcRequest<C>): Promise<RpcResponse<C>> {
    return this.caller.rpc(contract, input);
  }

  // ------------------------------------------------------------------ the connection

  /** Signs in, then saves the pair, reads the account and opens the socket. */
  /** Returns whether the account was created by this sign-in. */
  private async establish({ authenticate, identity }: SignInAttempt): Promise<boolean> {
    const prior = this.state;
    this.setState("connecting");
    let result: Awaited<ReturnType<typeof authenticate>>;
    try {
      result = await authenticate();
      decodeSessionToken(result.token);
    } catch (err) {
      this.setState(prior);
      throw await toSignInFailure(err);
    }
    this.link.stop();
    this.profile.signedIn(identity);
    this.store.set(result);
    // Signing in here is choosing to play here: another tab of this browser steps aside.
    await this.connected({ takeOver: true });
    return result.created;
  }

  private async connected(lease: { takeOver: boolean }): Promise<void> {
    const tokens = this.store.current;
    if (tokens) await this.profile.load(tokens);
    if (!(await this.lease.acquire(lease))) {
      this.setState("other_tab");
      return;
    }
    await this.link.start();
  }

  /** Another tab took the lease: close the socket (no kick reaches the server) and wait. */
  private stepAside(): void {
    if (this.state === "kicked" || this.state === "signed_out") return;
    this.leaveLiveRound();
    this.rounds.forget();
    this.link.stop();
    this.setState("other_tab");
  }

  private async sessionAlive(): Promise<boolean> {
    const tokens = this.store.current;
    if (!tokens) return false;
    try {
      await this.client.getAccount(nakamaSession(tokens));
      return true;
    } catch (err) {
      const failure = await readFailure(err);
      if (!failure.answered || failure.status !== 401) return true;
    }
    try {
      await this.store.refresh();
      return true;
    } catch (err) {
      return !(err instanceof SessionEndedError);
    }
  }

  private kicked(info: KickInfo): void {
    this.lease.give();
    this.store.forget();
    this.live = null;
    this.setState("kicked");
    this.emitter.emit("kicked", info);
  }

  /** The session can't go on and no kick explains it: back to the sign-in screen. */
  private sessionOver(): void {
    if (this.state === "kicked") return;
    this.leaveLiveRound();
    this.link.stop();
    this.forgetSession(false);
    if (!this.restoring) this.emitter.emit("sessionEnded");
  }

  private forgetSession(clearStorage: boolean): void {
    this.lease.give();
    if (clearStorage) this.store.clear();
    else this.store.forget();
    this.profile.forget();
    this.setState("signed_out");
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.emitter.emit("connection", state);
  }
}
