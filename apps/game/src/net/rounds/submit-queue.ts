import type { RpcRequest, RpcResponse, roundSubmit } from "@gift-grab/contracts";
import { defaultNetTimings as defaults } from "../../config/net-timings";
import { Backoff } from "../backoff";
import { Emitter } from "../emitter";
import { messageForReason } from "../messages";
import { RpcFailure } from "../rpc-client";
import { StorageKeys } from "../storage-keys";
import type { SubmitOutcome } from "../types";

type SubmitRequest = RpcRequest<typeof roundSubmit>;
type SubmitResponse = RpcResponse<typeof roundSubmit>;

interface Pending {
  userId: string;
  request: SubmitRequest;
  queuedAt: number;
}

export interface SubmitQueueDeps {
  storage: Storage;
  send: (request: SubmitRequest) => Promise<SubmitResponse>;
  /** The signed-in player, or null: only their own submissions are sent. */
  userId: () => string | null;
  backoff?: Backoff;
}

/** Failures that deserve another try: no answer, a busy or overloaded server, a lapsed token. */
function isRetryable(err: unknown): boolean {
  if (!(err instanceof RpcFailure)) return true;
  switch (err.reason) {
    case "network":
    case "internal":
    case "unavailable":
    case "rate_limited":
    case "ticket_busy":
    case "unauthenticated":
    case "session_revoked":
      return true;
    case "unknown":
      return err.code === 0 || err.code >= 13;
    default:
      return false;
  }
}

export function acceptedOutcome(res: SubmitResponse): SubmitOutcome {
  return {
    status: "accepted",
    score: res.score,
    best: res.best,
    rank: res.rank,
    newBest: res.new_best,
  };
}

/**
 * Round results on their way to the server. Each is written to localStorage BEFORE it is
 * sent, so neither a lost answer nor a reload loses it; it leaves the queue only when the
 * server answers (accepted, or a typed refusal). Retries resend the identical payload, which
 * the server answers idempotently.
 */
export class SubmitQueue {
  readonly events = new Emitter<{ submitted: (outcome: SubmitOutcome) => void }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | null = null;
  private readonly backoff: Backoff;

  constructor(private readonly deps: SubmitQueueDeps) {
    this.backoff =
      deps.backoff ??
      new Backoff({ baseMs: defaults.submitRetryBaseMs, maxMs: defaults.submitRetryMaxMs });
  }

  /** Sends now; "queued" when no answer came (then retried until one does). */
  async submit(userId: string, request: SubmitRequest): Promise<SubmitOutcome> {
    this.save([
      ...this.load().filter((p) => p.request.ticket !== request.ticket),
      {
        userId,
        request,
        queuedAt: Date.now(),
      },
    ]);
    try {
      const res = await this.deps.send(request);
      this.remove(request.ticket);
      return acceptedOutcome(res);
    } catch (err) {
      if (isRetryable(err)) {
        this.scheduleFlush();
        return { status: "queued" };
      }
      this.remove(request.ticket);
      return { status: "rejected", message: messageFor(err) };
    }
  }

  /** Submissions of `userId` (default: the signed-in player) still waiting for an answer. */
  pending(userId = this.deps.userId()): number {
    return userId ? this.load().filter((p) => p.userId === userId).length : 0;
  }

  /** Try the waiting submissions now (after a sign-in, a reconnect, a reload). */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flushOnce(): Promise<void> {
    this.stop();
    const userId = this.deps.userId();
    if (!userId) return;
    for (const item of this.load().filter((p) => p.userId === userId)) {
      if (this.deps.userId() !== userId) return;
      let outcome: SubmitOutcome;
      try {
        outcome = acceptedOutcome(await this.deps.send(item.request));
      } catch (err) {
        if (isRetryable(err)) {
          this.scheduleFlush();
          return;
        }
        outcome = { status: "rejected", message: messageFor(err) };
      }
      this.remove(item.request.ticket);
      this.events.emit("submitted", outcome);
    }
    this.backoff.reset();
  }

  private scheduleFlush(): void {
    this.stop();
    this.timer = setTimeout(() => void this.flush(), this.backoff.next());
  }

  private load(): Pending[] {
    try {
      const v = JSON.parse(this.deps.storage.getItem(StorageKeys.pendingSubmissions) ?? "[]");
      return Array.isArray(v) ? (v as Pending[]) : [];
    } catch {
      return [];
    }
  }

  private save(items: Pending[]): void {
    if (items.length) {
      this.deps.storage.setItem(StorageKeys.pendingSubmissions, JSON.stringify(items));
    } else {
      this.deps.storage.removeItem(StorageKeys.pendingSubmissions);
    }
  }

  private remove(ticket: string): void {
    this.save(this.load().filter((p) => p.request.ticket !== ticket));
  }
}

function messageFor(err: unknown): string {
  return err instanceof RpcFailure
    ? messageForReason(
        err.reason === "network" || err.reason === "bad_response" ? "unknown" : err.reason,
        err.detail,
      )
    : messageForReason("unknown");
}
