import { Emitter } from "./emitter";

/** The part of the Web Locks API the lease uses (navigator.locks). */
export interface Locks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/**
 * Which of this browser's tabs plays: the tabs share one sign-in (localStorage), and the
 * server keeps one socket per player, so only the tab holding this Web Lock opens one. Another
 * tab waits and may take the lease over (`steal`): the holder learns it lost the lock and
 * closes its socket, so the switch never reaches the server as a kick. Without Web Locks
 * every tab plays (the server's single socket decides, as before).
 */
export class TabLease {
  readonly events = new Emitter<{ lost: () => void }>();
  private release: (() => void) | null = null;

  constructor(
    private readonly locks: Locks | undefined,
    private readonly name: string,
  ) {}

  get held(): boolean {
    return this.release !== null || !this.locks;
  }

  /** Takes the lease if no other tab holds it (or over it, with `steal`): true if this tab plays. */
  acquire(options: { steal: boolean }): Promise<boolean> {
    const locks = this.locks;
    if (!locks) return Promise.resolve(true);
    if (this.release) return Promise.resolve(true);
    return new Promise((resolve) => {
      locks
        .request(this.name, options.steal ? { steal: true } : { ifAvailable: true }, (lock) => {
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
          // Stolen by another tab (AbortError): it plays now.
          if (!this.release) return;
          this.release = null;
          this.events.emit("lost");
        });
    });
  }

  /** Gives the lease up (sign-out): another tab may take it without stealing. */
  give(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }
}

export function browserLocks(): Locks | undefined {
  return typeof navigator !== "undefined" ? (navigator.locks as Locks | undefined) : undefined;
}
