/**
 * The one-way delay to the server: half the shortest round trip measured on this socket (the
 * join, pings spread over the countdown). No round trip is shorter than the network's, and
 * everything else on the way (a page busy drawing when the answer came, a busy server, a
 * retransmitted segment) only lengthens one, so the shortest of several is the truest (NTP's
 * minimum filter). One round trip alone can be off by whatever stalled it.
 */
export class OneWayDelay {
  private shortest = Number.POSITIVE_INFINITY;

  /** A round trip measured (ms). True when it lowered the estimate. */
  add(rttMs: number): boolean {
    if (!(rttMs >= 0) || rttMs >= this.shortest) return false;
    this.shortest = rttMs;
    return true;
  }

  /** The estimate (ms): 0 until a round trip is measured. */
  get ms(): number {
    return this.shortest === Number.POSITIVE_INFINITY ? 0 : this.shortest / 2;
  }

  /** A new socket (a rejoin, perhaps on another network): what was measured no longer holds. */
  reset(): void {
    this.shortest = Number.POSITIVE_INFINITY;
  }
}
