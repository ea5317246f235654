import {
  type AnyRpc,
  ClientTag,
  clientSessionVars,
  DisplayName,
  decodeSessionClaims,
  decodeSessionToken,
  LinkEmail,
  type leaderboardView,
  type RpcRequest,
  type RpcResponse,
  SignIn,
  SignUp,
} from "@gift-grab/contracts";
import type { Orientation } from "@gift-grab/simulation";
import { Client, Session } from "@heroiclabs/nakama-js";
import { defaultNetTimings, type NetTimings } from "../config/net-timings";
import type { ServerConfig } from "../config/server-config";
import { AuthHttp, type AuthResult } from "./auth-http";
import { Backoff } from "./backoff";
import { deviceId } from "./device-id";
import { Emitter } from "./emitter";
import { friendlyName } from "./friendly-name";
import { displayNameRule, kickedSubmitMessage, signedOutSubmitMessage } from "./messages";
import { RoundGate } from "./round-gate";
import { RpcFailure, sendRpc } from "./rpc-client";
import { callLeaderboardView } from "./rpcs/leaderboard-view";
import { callPlayerStatsGet } from "./rpcs/player-stats-get";
import { callRoundStart } from "./rpcs/round-start";
import { callRoundSubmit } from "./rpcs/round-submit";
import { callSessionLogout } from "./rpcs/session-logout";
import { callSessionLogoutAll } from "./rpcs/session-logout-all";
import { SessionEndedError, SessionStore } from "./session-store";
import { toSignInFailure, validationFailure } from "./sign-in-errors";
import { browserNetworkSignals, type NetworkSignals, SocketLink } from "./socket-link";
import { PLAYING_TAB_LOCK, REFRESH_LOCK, StorageKeys } from "./storage-keys";
import { SubmitQueue } from "./submit-queue";
import { browserChannel, browserLocks, type Locks, TabLease } from "./tab-lease";
import type { Tokens } from "./tokens";
import {
  type ConnectionState,
  type GameNet,
  type KickInfo,
  type LeaderboardPage,
  type NetEvents,
  type PlayerStats,
  type RoundCheck,
  type RoundResult,
  type RoundTicket,
  type SessionInfo,
  SignInFailure,
  type SubmitOutcome,
} from "./types";

export interface NetOptions {
  config: ServerConfig;
  /** Reconnect, heartbeat, renewal and retry delays (default: defaultNetTimings). */
  timings?: NetTimings;
  /** Where tokens, the device id and pending submissions live (default: localStorage). */
  storage?: Storage;
  /** The session var naming this build (must pass the contracts' ClientTag). */
  clientTag?: string;
  network?: NetworkSignals;
  /** Web Locks (default: navigator.locks): which tab of this browser plays. */
  locks?: Locks;
}

/** Who signed in here, so "Play here" can sign in again. The password never leaves memory. */
type Identity = { kind: "guest" } | { kind: "email"; email: string; password: string | null };

/** nakama-js wants a Session; only its token is read with autoRefreshSession off. */
function nakamaSession(tokens: Tokens): Session {
  return Object.assign(Object.create(Session.prototype) as Session, {
    token: tokens.token,
    refresh_token: tokens.refreshToken,
  });
}

/**
 * The net layer: the only code that talks to Nakama. Sign-in and tokens (SessionStore), the
 * realtime socket (SocketLink), round submissions that must not get lost (SubmitQueue), and
 * every RPC checked against its contract.
 */
export class NakamaNet implements GameNet {
  private readonly emitter = new Emitter<NetEvents>();
  private readonly client: Client;
  private readonly auth: AuthHttp;
  private readonly storage: Storage;
  private readonly store: SessionStore;
  private readonly link: SocketLink;
  private readonly queue: SubmitQueue;
  private readonly rounds = new RoundGate((orientation) => this.openRound(orientation));
  private readonly lease: TabLease;
  private readonly clientTag: string | undefined;
  private state: ConnectionState = "signed_out";
  private identity: Identity | null = null;
  private accountEmail: string | null = null;
  private displayName: string | null = null;
  private restoring = false;

  constructor(options: NetOptions) {
    const { config } = options;
    const t = options.timings ?? defaultNetTimings;
    this.storage = options.storage ?? localStorage;
    this.clientTag = ClientTag.safeParse(options.clientTag).success ? options.clientTag : undefined;
    this.client = new Client(
      config.serverKey,
      config.host,
      config.port,
      config.useSSL,
      10_000,
      false,
    );
    this.auth = new AuthHttp(config);
    this.store = new SessionStore({
      storage: this.storage,
      decode: decodeSessionToken,
      refresh: (refreshToken) => this.auth.refresh(refreshToken, {}),
      withLock: webLock,
      onOtherTabWrite: storageEvents(this.storage),
      refreshAheadMs: t.refreshAheadMs,
      minValidityMs: t.minValidityMs,
      retry: new Backoff({ baseMs: t.refreshRetryBaseMs, maxMs: t.refreshRetryMaxMs }),
    });
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
        const socket = this.client.createSocket(config.useSSL, false);
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
      if (s === "online") void this.queue.flush();
    });
    this.link.events.on("sessionEnded", ({ reason, at, client }) => {
      if (reason === "signed_in_elsewhere" || reason === "signed_out_everywhere") {
        this.kicked({ reason, at, clientTag: client });
      } else {
        this.sessionOver();
      }
    });
    this.queue = new SubmitQueue({
      storage: this.storage,
      send: (request) => callRoundSubmit(this, request),
      userId: () => (this.state === "kicked" ? null : (this.store.currentClaims?.uid ?? null)),
      backoff: new Backoff({ baseMs: t.submitRetryBaseMs, maxMs: t.submitRetryMaxMs }),
    });
    this.queue.events.on("submitted", (outcome) => this.emitter.emit("submitted", outcome));
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
    const email = this.store.currentClaims ? emailOf(this.store.currentClaims) : null;
    this.identity = email ? { kind: "email", email, password: null } : { kind: "guest" };
    await this.connected({ takeOver: false });
    return "restored";
  }

  async signInAsGuest(): Promise<boolean> {
    const created = await this.establish(
      () => this.auth.authenticateDevice(deviceId(this.storage), this.vars(false)),
      {
        kind: "guest",
      },
    );
    // Named after sign-in, by the standard UpdateAccount (its before hook checks the name):
    // no database work added to the sign-in itself.
    if (created) await this.setDisplayName(friendlyName()).catch(() => {});
    return created;
  }

  /** Live tokens for a change to the account, or the sign-in failure a form shows. */
  private async freshForAccountChange(): Promise<Tokens> {
    try {
      return await this.store.fresh();
    } catch {
      throw new SignInFailure("session_ended", "Your session ended — sign in again.");
    }
  }

  async setDisplayName(name: string): Promise<void> {
    const input = DisplayName.safeParse(name.trim());
    if (!input.success) throw new SignInFailure("invalid_input", displayNameRule);
    const tokens = await this.freshForAccountChange();
    try {
      await this.client.updateAccount(nakamaSession(tokens), { display_name: input.data });
    } catch (err) {
      throw await toSignInFailure(err);
    }
    this.displayName = input.data;
  }

  async signIn(email: string, password: string, options?: { takeover?: boolean }): Promise<void> {
    const input = SignIn.safeParse({ email, password });
    if (!input.success) throw validationFailure(input.error);
    await this.establish(
      () =>
        this.auth.authenticateEmail(email, password, {
          create: false,
          vars: this.vars(options?.takeover ?? false),
        }),
      { kind: "email", email, password },
    );
  }

  async signUp(email: string, password: string, username: string): Promise<void> {
    const input = SignUp.safeParse({ email, password, username });
    if (!input.success) throw validationFailure(input.error);
    await this.establish(
      () =>
        this.auth.authenticateEmail(email, password, {
          create: true,
          username,
          vars: this.vars(false),
        }),
      { kind: "email", email, password },
    );
  }

  async linkEmail(email: string, password: string): Promise<void> {
    const input = LinkEmail.safeParse({ email, password });
    if (!input.success) throw validationFailure(input.error);
    const tokens = await this.freshForAccountChange();
    try {
      await this.client.linkEmail(nakamaSession(tokens), { email, password });
    } catch (err) {
      throw await toSignInFailure(err);
    }
    this.identity = { kind: "email", email, password };
    this.accountEmail = email;
  }

  async playHere(): Promise<void> {
    const id = this.identity;
    if (id?.kind === "guest") {
      await this.establish(
        () => this.auth.authenticateDevice(deviceId(this.storage), this.vars(true)),
        id,
      );
      return;
    }
    if (id?.kind === "email" && id.password) {
      const { email, password } = id;
      await this.establish(
        () =>
          this.auth.authenticateEmail(email, password, { create: false, vars: this.vars(true) }),
        id,
      );
      return;
    }
    throw new SignInFailure("session_ended", "Sign in again to play here.");
  }

  async playInThisTab(): Promise<void> {
    if (this.state !== "other_tab") return;
    this.setState("connecting");
    await this.connected({ takeOver: true });
  }

  async signOut(): Promise<void> {
    const tokens = this.store.current;
    this.link.stop();
    this.queue.stop();
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
    this.link.stop();
    try {
      await callSessionLogoutAll(this, {});
    } catch (err) {
      if (this.store.current) void this.link.start();
      throw err;
    }
    this.queue.stop();
    this.forgetSession(true);
  }

  session(): SessionInfo | null {
    const tokens = this.store.current;
    const claims = this.store.currentClaims;
    if (!tokens || !claims || this.state === "kicked") return null;
    const data = decodeSessionToken(tokens.token);
    let refreshExp = data.exp;
    try {
      refreshExp = decodeSessionClaims(tokens.refreshToken).exp;
    } catch {
      // keep the token's expiry
    }
    const email = this.accountEmail ?? data.vrs.email ?? null;
    const displayName = this.displayName;
    return {
      userId: data.uid,
      username: data.usn,
      displayName,
      email,
      isGuest: email === null,
      signedInAt: new Date(Number(data.vrs.login_at) * 1000),
      tokenExpiresAt: new Date(data.exp * 1000),
      refreshExpiresAt: new Date(refreshExp * 1000),
    };
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

  private openRound(orientation: Orientation): Promise<RoundTicket> {
    return callRoundStart(this, { orientation });
  }

  async submitRound(ticket: RoundTicket, result: RoundResult): Promise<SubmitOutcome> {
    if (ticket.practice) return { status: "practice" };
    if (this.state === "kicked") return { status: "rejected", message: kickedSubmitMessage };
    const userId = this.store.currentClaims?.uid;
    if (!userId) return { status: "rejected", message: signedOutSubmitMessage };
    return this.queue.submit(userId, {
      ticket: ticket.ticket,
      score: result.score,
      inputs: result.inputs,
    });
  }

  pendingSubmissions(): number {
    return this.queue.pending();
  }

  async leaderboard(options?: { cursor?: string; aroundMe?: boolean }): Promise<LeaderboardPage> {
    const request: RpcRequest<typeof leaderboardView> = {};
    if (options?.cursor) request.cursor = options.cursor;
    if (options?.aroundMe) request.around_me = true;
    return callLeaderboardView(this, request);
  }

  async stats(): Promise<PlayerStats> {
    return callPlayerStatsGet(this, {});
  }

  async rpc<C extends AnyRpc>(contract: C, input: RpcRequest<C>): Promise<RpcResponse<C>> {
    const call = async () => {
      let tokens: Tokens;
      try {
        tokens = await this.store.fresh();
      } catch (err) {
        if (err instanceof SessionEndedError) {
          throw new RpcFailure(contract.id, "session_revoked", 16, err.message);
        }
        throw new RpcFailure(contract.id, "network", 0, String(err));
      }
      return sendRpc(this.client, nakamaSession(tokens), contract, input);
    };
    try {
      return await call();
    } catch (err) {
      // A token the server no longer takes (restart with logouts replayed, clock skew): renew once.
      if (err instanceof RpcFailure && err.code === 16 && err.reason === "unknown") {
        try {
          await this.store.refresh();
        } catch {
          throw err;
        }
        return call();
      }
      throw err;
    }
  }

  // ------------------------------------------------------------------ internals

  private vars(takeover: boolean): Record<string, string> {
    return clientSessionVars({ client: this.clientTag, takeover });
  }

  /** Signs in with `authenticate`, then saves the pair, reads the account and opens the socket. */
  /** Returns whether the account was created by this sign-in. */
  private async establish(
    authenticate: () => Promise<AuthResult>,
    identity: Identity,
  ): Promise<boolean> {
    const prior = this.state;
    this.setState("connecting");
    let result: AuthResult;
    try {
      result = await authenticate();
      decodeSessionToken(result.token);
    } catch (err) {
      this.setState(prior);
      throw await toSignInFailure(err);
    }
    this.link.stop();
    this.identity = identity;
    this.accountEmail = null;
    this.displayName = null;
    this.store.set(result);
    // Signing in here is choosing to play here: another tab of this browser steps aside.
    await this.connected({ takeOver: true });
    return result.created;
  }

  private async connected(lease: { takeOver: boolean }): Promise<void> {
    await this.loadAccount();
    if (!(await this.lease.acquire(lease))) {
      this.setState("other_tab");
      return;
    }
    await this.link.start();
    void this.queue.flush();
  }

  /** Another tab took the lease: close the socket (no kick reaches the server) and wait. */
  private stepAside(): void {
    if (this.state === "kicked" || this.state === "signed_out") return;
    this.link.stop();
    this.queue.stop();
    this.rounds.forget();
    this.setState("other_tab");
  }

  /** The token's vars carry the email of an email sign-in; a linked guest's comes from the account. */
  private async loadAccount(): Promise<void> {
    const tokens = this.store.current;
    if (!tokens) return;
    try {
      const account = await this.client.getAccount(nakamaSession(tokens));
      this.accountEmail = account.email ?? null;
      this.displayName = account.user?.display_name || null;
    } catch {
      // Offline: the token's email var (if any) will do.
    }
  }

  private async sessionAlive(): Promise<boolean> {
    const tokens = this.store.current;
    if (!tokens) return false;
    try {
      await this.client.getAccount(nakamaSession(tokens));
      return true;
    } catch (err) {
      if (!(err instanceof Response) || err.status !== 401) return true;
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
    this.queue.stop();
    this.setState("kicked");
    this.emitter.emit("kicked", info);
  }

  /** The session can't go on and no kick explains it: back to the sign-in screen. */
  private sessionOver(): void {
    if (this.state === "kicked") return;
    this.link.stop();
    this.queue.stop();
    this.forgetSession(false);
    if (!this.restoring) this.emitter.emit("sessionEnded");
  }

  private forgetSession(clearStorage: boolean): void {
    this.lease.give();
    if (clearStorage) this.store.clear();
    else this.store.forget();
    this.identity = null;
    this.accountEmail = null;
    this.displayName = null;
    this.setState("signed_out");
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.emitter.emit("connection", state);
  }
}

function emailOf(claims: { vrs?: Record<string, string> | undefined }): string | null {
  return claims.vrs?.email ?? null;
}

/** One refresh at a time across this browser's tabs (Web Locks), where the browser has them. */
function webLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = browserLocks();
  return locks ? (locks.request(REFRESH_LOCK, {}, fn) as Promise<T>) : fn();
}

/** Other tabs writing the session key (the `storage` event only fires in the other tabs). */
function storageEvents(storage: Storage) {
  return (listener: (raw: string | null) => void) => {
    if (typeof window === "undefined") return () => {};
    const onStorage = (e: StorageEvent) => {
      if (e.storageArea !== storage) return;
      if (e.key === StorageKeys.session) listener(e.newValue);
      else if (e.key === null) listener(null);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  };
}
