import { GameRules, type Orientation } from "@gift-grab/simulation";
import { LiveRoundFailure } from "../live/live-round-failure";
import { liveJoinFailedMessage, practiceMessage } from "../messages";
import { RpcFailure } from "../rpc-client";
import type { RoundCheck, RoundTicket } from "../types";

/**
 * The next round, asked for before the round screen opens: a refusal or an outage is told to
 * the player before play ("this round is practice"), not after it. The round screen's
 * startRound then takes the round prepared here (a live round's joined seat, or a practice
 * round that is never ranked), or asks the server itself when nothing was prepared.
 */
export class RoundGate {
  private next: RoundTicket | null = null;

  constructor(private readonly open: (orientation: Orientation) => Promise<RoundTicket>) {}

  async prepare(orientation: Orientation): Promise<RoundCheck> {
    this.forget();
    const ticket = await this.start(orientation);
    this.next = ticket;
    return ticket.kind === "live" ? { saved: true } : { saved: false, message: ticket.why };
  }

  /** The player went back instead of playing: a prepared seat is left. */
  forget(): void {
    if (this.next?.kind === "live") this.next.match.leave();
    this.next = null;
  }

  take(orientation: Orientation): Promise<RoundTicket> {
    const next = this.next;
    this.next = null;
    return next ? Promise.resolve(next) : this.start(orientation);
  }

  private async start(orientation: Orientation): Promise<RoundTicket> {
    try {
      return await this.open(orientation);
    } catch (err) {
      const refusal =
        err instanceof RpcFailure
          ? err.message
          : err instanceof LiveRoundFailure && err.kind === "refused"
            ? liveJoinFailedMessage
            : null;
      return practiceRound(orientation, practiceMessage(refusal));
    }
  }
}

/** A round the server never opened: played on this device, never ranked. */
function practiceRound(orientation: Orientation, why: string): RoundTicket {
  return {
    kind: "practice",
    seed: Math.floor(Math.random() * 0x1_0000_0000),
    durationMs: GameRules.roundDurationMs,
    orientation,
    why,
  };
}
