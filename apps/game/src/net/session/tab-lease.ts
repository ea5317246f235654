import { Emitter } from "../emitter";

/** The part of the Web Locks API the lease uses (navigator.locks). */
export interface Locks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/** The part of BroadcastChannel the lease uses. */
export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

const STEP_ASIDE = "step-aside";

/**
 * Which of this browser's tabs plays: the tabs share one sign-in (localStorage), and the
 * server keeps one socket per player, so only the tab holding this Web Lock opens one. Another
 * tab may take the lease over: it asks the holder (BroadcastChannel) to step aside, the holder
 * closes its socket and only then releases the lock, so the new tab's socket never meets the
 * old one at the server (which would end the old one as "signed in elsewhere"). A holder that
 * doesn't answer within `patienceMs` (a frozen tab) loses the lock by force.
 * Without Web Locks every tab plays (the server's single socket decides, as before).
 */
export class TabLease {
  readonly events = new Emitter<{ lost: () => void }>();
  private release: (() => void) | null = null;

  constructor(
    private readonly locks: Locks | undefined,
    private readonly name: string,
    private readonly channel: Channel | undefined,
    private readonly patienceMs = 3_000,
  ) {
    channel?.addEventListener("message", (event) => {
      if (event.data !== STEP_ASIDE || !this.release) return;
      // "lost" first: the owner closes its socket before the lock goes to the asking tab.
      const release = this.release;
      this.release = null;
      this.events.emit("lost");
      release();
    });
  }

  get held(): boolean {
    return this.release !== null || !this.locks;
  }

  /**
   * Takes the lease: if no other tab holds it, or (`takeOver`) after asking the holder to step
   * aside. True if this tab plays.
   */
  async acquire(options: { takeOver: boolean }): Promise<boolean> {
    if (!this.locks || this.release) return true;
    if (!options.takeOver) return this.request({ ifAvailable: true });
    this.channel?.postMessage(STEP_ASIDE);
    const patience = new AbortController();
    const timer = setTimeout(() => patience.abort(), this.patienceMs);
    const polite = await this.request({ signal: patience.signal });
    clearTimeout(timer);
    return polite || this.request({ steal: true });
  }

  /** Gives the lease up (sign-out): another tab may take it without asking. */
  give(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }

  private request(options: {
    ifAvailable?: boolean;
    steal?: boolean;
    signal?: AbortSignal;
  }): Promise<boolean> {
    const locks = this.locks;
    if (!locks) return Promise.resolve(true);
    return new Promise((resolve) => {
      locks
        .request(this.name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => {
            this.release = release;
          });
        })
        .catch(() => {
          // Our own wait given up (patience ran out): the lock was never ours.
          if (!this.release) return resolve(false);
          // Stolen by a tab that ran out of patience with us: it plays now.
          this.release = null;
          this.events.emit("lost");
        });
    });
  }
}

/** The channel this browser's tabs ask each other on (none where BroadcastChannel is missing). */
export function browserChannel(name: string): Channel | undefined {
  return typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(name) : undefined;
}

export function browserLocks(): Locks | undefined {
  return typeof navigator !== "undefined" ? (navigator.locks as Locks | undefined) : undefined;
}
