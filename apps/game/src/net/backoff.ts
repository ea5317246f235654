export interface BackoffOptions {
  /** First delay. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
  factor?: number;
  /** 0..1: how much of each delay is random (0.5 → between 50% and 100% of the nominal delay). */
  jitter?: number;
  random?: () => number;
}

/**
 * Exponential backoff with jitter, capped: base, base·f, base·f², … ≤ max. The jitter spreads
 * many clients that lost the same server so they don't all come back in the same millisecond.
 */
export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** How many delays were handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  next(): number {
    const { baseMs, maxMs, factor = 2, jitter = 0.5, random = Math.random } = this.options;
    const nominal = Math.min(maxMs, baseMs * factor ** this.attempt);
    this.attempt++;
    return Math.round(nominal * (1 - jitter + jitter * random()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
