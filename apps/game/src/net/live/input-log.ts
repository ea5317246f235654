import { type InputMessage, LiveTiming } from "@gift-grab/contracts";

/**
 * Ticks in each INPUT (LiveTiming.inputTicks: 300 ms, three keep-alives and longer than the
 * late window), so a lost message costs nothing.
 */
export const INPUT_REDUNDANCY = LiveTiming.inputTicks;

/**
 * The seat's input per tick, as sent to the server: each message repeats the last
 * INPUT_REDUNDANCY ticks (6 + 2·18 bytes), so the next message covers a lost or late one.
 */
export class InputLog {
  private readonly dx: Int8Array;
  private readonly dy: Int8Array;
  private readonly has: Uint8Array;
  private last = 0;

  constructor(
    readonly ticks: number,
    private readonly redundancy = Math.min(INPUT_REDUNDANCY, LiveTiming.maxInputTicks),
  ) {
    this.dx = new Int8Array(ticks + 1);
    this.dy = new Int8Array(ticks + 1);
    this.has = new Uint8Array(ticks + 1);
  }

  /** The input played at `tick` (1..ticks). */
  record(tick: number, dx: number, dy: number): void {
    if (tick < 1 || tick > this.ticks) return;
    this.dx[tick] = dx;
    this.dy[tick] = dy;
    this.has[tick] = 1;
    if (tick > this.last) this.last = tick;
  }

  /** The input recorded for `tick`, or null. */
  at(tick: number): [number, number] | null {
    if (tick < 1 || tick > this.ticks || this.has[tick] !== 1) return null;
    return [this.dx[tick] as number, this.dy[tick] as number];
  }

  /** The newest tick recorded (0: none). */
  get lastTick(): number {
    return this.last;
  }

  /**
   * Whether the input changed after `tick` (the newest one sent): a tick recorded since with
   * another input than `tick`'s. Nothing sent yet (0) counts as a change.
   */
  changedSince(tick: number): boolean {
    if (tick < 1 || this.has[tick] !== 1) return true;
    const dx = this.dx[tick];
    const dy = this.dy[tick];
    for (let t = tick + 1; t <= this.last; t++)
      if (this.has[t] === 1 && (this.dx[t] !== dx || this.dy[t] !== dy)) return true;
    return false;
  }

  /**
   * The message for the newest ticks, up to `upTo` (the server refuses ticks ahead of its
   * clock): the last few recorded ticks, oldest first, from the first contiguous one.
   */
  message(seat: number, upTo = this.last): InputMessage | null {
    const lastTick = Math.min(upTo, this.last);
    if (lastTick < 1) return null;
    const inputs: [number, number][] = [];
    for (let t = lastTick; t >= 1 && inputs.length < this.redundancy && this.has[t] === 1; t--)
      inputs.unshift([this.dx[t] as number, this.dy[t] as number]);
    if (inputs.length === 0) return null;
    return { seat, lastTick, inputs };
  }
}
