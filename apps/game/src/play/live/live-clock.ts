import { TICKS_PER_SECOND } from "@gift-grab/simulation";

const TICK_MS = 1000 / TICKS_PER_SECOND;
/**
 * A running clock falls back (fallBack) by at most this share of the time that passes: it
 * plays 80 % of real time until it is where it should be, never a jump that replays ticks.
 */
const SLEW_RATE = 0.2;

/**
 * The round's clock as the server runs it, on this page's clock: the tick due now. START
 * says how long until tick 0 (or how long the round has run); a resume says when its tick
 * runs again. Each arrived a one-way delay after the server said it, so the mapping moves
 * it back by that much: the client's ticks are due when the server's are, and its inputs
 * reach the server inside their window (at most lateTicks after, never aheadTicks before).
 * While paused the clock stands still. Pure: the caller passes the times.
 */
export class LiveClock {
  /** `anchorTick` is due at local time `anchorAt`. */
  private anchorTick = 0;
  private anchorAt = 0;
  private stoppedAt: number | null = null;
  private synced = false;
  /** When the server's tick 0 came or comes, on this page's clock (no lead). */
  private serverStartAt = Number.POSITIVE_INFINITY;
  /** ms the clock has still to fall back, and when it last did. */
  private slewing = 0;
  private slewedAt = 0;

  constructor(
    readonly ticks: number,
    private leadMs = 0,
  ) {}

  /** How far ahead of the server's clock this one runs (ms). */
  setLead(ms: number): void {
    this.leadMs = Math.max(0, ms);
  }

  /** Drops the lead now (the server refused inputs as ahead): the clock waits that long. */
  dropLead(): void {
    this.anchorAt += this.leadMs;
    this.leadMs = 0;
  }

  get lead(): number {
    return this.leadMs;
  }

  /** START: tick 0 is due `startInMs` after the server sent it (negative: it has run that long). */
  start(startInMs: number, receivedAt: number, oneWayMs: number): void {
    this.anchorTick = 0;
    this.serverStartAt = receivedAt - oneWayMs + startInMs;
    this.anchorAt = this.serverStartAt - this.leadMs;
    this.stoppedAt = null;
    this.synced = true;
    this.slewing = 0;
  }

  /**
   * Running, the clock learnt it is `ms` early (a lower one-way estimate, a smaller lead): it
   * falls back that much over the next frames (slew), by SLEW_RATE of the time that passes.
   */
  fallBack(ms: number, now: number): void {
    this.slewing += ms;
    this.slewedAt = now;
  }

  /**
   * Takes what fallBack asked for as far as `now` allows: call before dueTick. Before the
   * anchor's time (the countdown) no tick has been played from it: the clock moves at once.
   */
  slew(now: number): void {
    if (this.slewing <= 0 || this.stoppedAt !== null) return;
    const step =
      now < this.anchorAt
        ? this.slewing
        : Math.min(this.slewing, Math.max(0, now - this.slewedAt) * SLEW_RATE);
    this.anchorAt += step;
    this.slewing -= step;
    this.slewedAt = now;
  }

  /** PAUSED: the clock stopped at `tick`. */
  pause(tick: number): void {
    this.anchorTick = tick;
    this.stoppedAt = tick;
  }

  /** PAUSED (resumed): `tick` is due `inMs` after the server sent it. */
  resume(tick: number, inMs: number, receivedAt: number, oneWayMs: number): void {
    this.anchorTick = tick;
    this.anchorAt = receivedAt - oneWayMs + inMs - this.leadMs;
    this.stoppedAt = null;
    this.slewing = 0;
  }

  get paused(): boolean {
    return this.stoppedAt !== null;
  }

  /**
   * The server's own clock has reached tick 0 (this one runs `lead` ahead of it): before that
   * the server takes no PAUSE (its countdown can't be stopped).
   */
  serverRunning(now: number): boolean {
    return this.synced && now >= this.serverStartAt;
  }

  /** ms until tick 0 (≤ 0 once the round runs). */
  msToStart(now: number): number {
    return this.anchorTick > 0 ? 0 : this.anchorAt - now;
  }

  /** The tick due at `now`: 0 before the start, at most the round's last. */
  dueTick(now: number): number {
    if (!this.synced) return 0;
    if (this.stoppedAt !== null) return this.stoppedAt;
    const t = this.anchorTick + Math.floor(((now - this.anchorAt) * TICKS_PER_SECOND) / 1000);
    return Math.max(this.anchorTick, Math.min(this.ticks, t));
  }

  /** How far into the next tick `now` is, in [0, 1): the drawing's interpolation. */
  alpha(now: number): number {
    if (!this.synced || this.stoppedAt !== null) return 0;
    const f = (now - this.anchorAt) / TICK_MS;
    return f <= 0 ? 0 : f - Math.floor(f);
  }
}
