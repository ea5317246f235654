import { defaultNetTimings as defaults } from "../../config/net-timings";
import { Backoff } from "../backoff";
import { Emitter } from "../emitter";
import { StorageKeys } from "../storage-keys";
import type { DecodeToken, TokenClaims, Tokens } from "./tokens";

/** The refresh token was refused (expired, revoked, already used): this sign-in is over. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

export interface SessionStoreDeps {
  storage: Storage;
  decode: DecodeToken;
  /** Exchanges a refresh token for a new pair. Throws the fetch Response on an HTTP error. */
  refresh: (refreshToken: string) => Promise<Tokens>;
  /** Runs `fn` holding a lock shared by every tab of this browser (Web Locks), or just runs it. */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Tells the store about another tab writing the session key (the `storage` event). */
  onOtherTabWrite?: (listener: (raw: string | null) => void) => () => void;
  /** Refresh this long before expiry (at most half the token's remaining life ahead). */
  refreshAheadMs?: number;
  /** HTTP calls refresh first when the token has less than this left. */
  minValidityMs?: number;
  /** Delays between refresh attempts that got no answer. */
  retry?: Backoff;
}

export interface SessionStoreEvents {
  /** New tokens (sign-in, refresh here or in another tab). */
  changed: (tokens: Tokens) => void;
  /** The session can't be renewed any more: the player has to sign in again. */
  ended: () => void;
  /** Another tab signed out, or signed in another player. */
  clearedElsewhere: () => void;
}

const now = () => Date.now();

/**
 * Keeps the session tokens: persisted in localStorage, restored at start, renewed before
 * they expire. The server rotates refresh tokens (a used one is dead and reusing it revokes
 * the sign-in), so every refresh goes through ONE in-flight promise, under a lock shared by
 * the browser's tabs, and first adopts tokens another tab may already have renewed.
 */
export class SessionStore {
  readonly events = new Emitter<SessionStoreEvents>();
  private tokens: Tokens | null = null;
  private claims: TokenClaims | null = null;
  private inflight: Promise<Tokens> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly retry: Backoff;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: SessionStoreDeps) {
    this.retry =
      deps.retry ??
      new Backoff({ baseMs: defaults.refreshRetryBaseMs, maxMs: defaults.refreshRetryMaxMs });
    this.unsubscribe = deps.onOtherTabWrite?.((raw) => this.otherTabWrote(raw)) ?? (() => {});
  }

  get current(): Tokens | null {
    return this.tokens;
  }

  get currentClaims(): TokenClaims | null {
    return this.claims;
  }

  /** At start: "restored" (valid, or renewed), "none" (never signed in), "ended" (can't be renewed). */
  async restore(): Promise<"restored" | "none" | "ended"> {
    const saved = this.read();
    if (!saved) return "none";
    const claims = this.decodeOrNull(saved.token);
    const refreshClaims = this.decodeOrNull(saved.refreshToken);
    if (!claims || !refreshClaims) {
      this.clear();
      return "ended";
    }
    this.tokens = saved;
    this.claims = claims;
    if (claims.exp * 1000 - now() > (this.deps.minValidityMs ?? defaults.minValidityMs)) {
      this.schedule();
      return "restored";
    }
    if (refreshClaims.exp * 1000 <= now()) {
      this.clear();
      return "ended";
    }
    try {
      await this.refresh();
      return "restored";
    } catch (err) {
      if (err instanceof SessionEndedError) return "ended";
      // No answer: keep the tokens and keep trying; the refresh token is still alive.
      return "restored";
    }
  }

  /** After a sign-in: keep the new pair. */
  set(tokens: Tokens): void {
    this.adopt(tokens);
    this.write(tokens);
  }

  /** Forget the session here and in storage (sign-out). */
  clear(): void {
    this.forget();
    this.deps.storage.removeItem(StorageKeys.session);
  }

  /**
   * Forget the session in this tab only: after a kick the storage may already hold another
   * tab's newer sign-in, which must survive.
   */
  forget(): void {
    this.stopTimer();
    this.tokens = null;
    this.claims = null;
  }

  dispose(): void {
    this.stopTimer();
    this.unsubscribe();
  }

  /** A token good for at least minValidityMs, refreshing first if needed. */
  async fresh(): Promise<Tokens> {
    if (!this.tokens || !this.claims) throw new SessionEndedError("not signed in");
    if (this.claims.exp * 1000 - now() > (this.deps.minValidityMs ?? defaults.minValidityMs))
      return this.tokens;
    return this.refresh();
  }

  /** Renews the pair. Concurrent callers share one request; never two with one refresh token. */
  refresh(): Promise<Tokens> {
    if (!this.inflight) {
      const lock = this.deps.withLock ?? ((fn) => fn());
      this.inflight = lock(() => this.refreshUnderLock()).finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async refreshUnderLock(): Promise<Tokens> {
    const mine = this.tokens;
    if (!mine || !this.claims) throw new SessionEndedError("not signed in");
    // Another tab may have renewed while we waited for the lock: its pair is the live one.
    const stored = this.renewedElsewhere(mine);
    const source = stored?.tokens ?? mine;
    if (
      stored &&
      stored.claims.exp * 1000 - now() > (this.deps.minValidityMs ?? defaults.minValidityMs)
    ) {
      this.adopt(stored.tokens);
      return stored.tokens;
    }
    let next: Tokens;
    try {
      next = await this.deps.refresh(source.refreshToken);
    } catch (err) {
      if (isSuperseded(err)) {
        // Another tab refreshed with this same token moments ago (no shared lock): its pair
        // is the live one, in storage now or soon. Retrying later adopts it; if no tab of
        // ours has it, the retry counts as reuse and the server ends the sign-in.
        const renewed = this.renewedElsewhere(source);
        if (renewed) {
          this.adopt(renewed.tokens);
          return renewed.tokens;
        }
        this.scheduleRetry();
        throw err;
      }
      if (isRefusal(err)) {
        // A sign-out elsewhere may have cleared the pair meanwhile; either way it's over.
        this.clear();
        this.events.emit("ended");
        throw new SessionEndedError("the session can't be renewed");
      }
      this.scheduleRetry();
      throw err;
    }
    this.set(next);
    this.retry.reset();
    return next;
  }

  /** The same player's pair in storage, if another tab renewed `mine`. */
  private renewedElsewhere(mine: Tokens): { tokens: Tokens; claims: TokenClaims } | null {
    const stored = this.read();
    if (!stored || stored.refreshToken === mine.refreshToken) return null;
    const claims = this.decodeOrNull(stored.token);
    return claims && claims.uid === this.claims?.uid ? { tokens: stored, claims } : null;
  }

  private adopt(tokens: Tokens): void {
    this.tokens = tokens;
    this.claims = this.deps.decode(tokens.token);
    this.schedule();
    this.events.emit("changed", tokens);
  }

  private schedule(): void {
    this.stopTimer();
    if (!this.claims) return;
    const remaining = this.claims.exp * 1000 - now();
    const ahead = this.deps.refreshAheadMs ?? defaults.refreshAheadMs;
    const delay = Math.max(0, remaining - ahead, remaining / 2);
    this.timer = setTimeout(() => void this.refresh().catch(() => {}), delay);
  }

  private scheduleRetry(): void {
    this.stopTimer();
    this.timer = setTimeout(() => void this.refresh().catch(() => {}), this.retry.next());
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private otherTabWrote(raw: string | null): void {
    if (raw === null) {
      if (!this.tokens) return;
      this.stopTimer();
      this.tokens = null;
      this.claims = null;
      this.events.emit("clearedElsewhere");
      return;
    }
    // Signed out (or kicked) here: nothing to keep in step; the next start restores from storage.
    if (!this.tokens || !this.claims) return;
    const tokens = parseTokens(raw);
    const claims = tokens && this.decodeOrNull(tokens.token);
    if (!tokens || !claims || tokens.token === this.tokens.token) return;
    if (claims.uid !== this.claims.uid) {
      // Another player signed in in another tab: this tab's sign-in is over.
      this.forget();
      this.events.emit("clearedElsewhere");
      return;
    }
    // The same player renewed in another tab: use the new pair (the old refresh token is dead).
    this.adopt(tokens);
  }

  private read(): Tokens | null {
    return parseTokens(this.deps.storage.getItem(StorageKeys.session));
  }

  private write(tokens: Tokens): void {
    this.deps.storage.setItem(StorageKeys.session, JSON.stringify(tokens));
  }

  private decodeOrNull(token: string): TokenClaims | null {
    try {
      return this.deps.decode(token);
    } catch {
      return null;
    }
  }
}

function parseTokens(raw: string | null): Tokens | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Tokens>;
    return typeof v.token === "string" && typeof v.refreshToken === "string"
      ? { token: v.token, refreshToken: v.refreshToken }
      : null;
  } catch {
    return null;
  }
}

/** 409: the refresh token was rotated moments ago by a racing refresh (refresh_superseded). */
function isSuperseded(err: unknown): boolean {
  return (err as { status?: unknown } | null)?.status === 409;
}

/** An HTTP answer saying no (401/400/403/404), as opposed to no answer at all. */
function isRefusal(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return (
    typeof status === "number" && status >= 400 && status < 500 && status !== 408 && status !== 429
  );
}
