import { GameRules, type Orientation } from "@gift-grab/simulation";
import { practiceMessage } from "../messages";
import { RpcFailure } from "../rpc-client";
import type { RoundCheck, RoundTicket } from "../types";

/**
 * The next round, asked for before the round screen opens: a refusal or an outage is told to
 * the player before play ("this round is practice"), not after it. The round screen's
 * startRound then takes the round prepared here (a server ticket, or a practice round that
 * is never sent), or asks the server itself when nothing was prepared.
 */
export class RoundGate {
  private next: RoundTicket | null = null;

  constructor(private readonly start: (orientation: Orientation) => Promise<RoundTicket>) {}

  async prepare(orientation: Orientation): Promise<RoundCheck> {
    this.next = null;
    try {
      this.next = await this.start(orientation);
      return { saved: true };
    } catch (err) {
      const message = practiceMessage(err instanceof RpcFailure ? err.message : null);
      this.next = practiceRound(orientation, message);
      return { saved: false, message };
    }
  }

  /** The player went back instead of playing: the next start asks the server again. */
  forget(): void {
    this.next = null;
  }

  take(orientation: Orientation): Promise<RoundTicket> {
    const next = this.next;
    this.next = null;
    return next ? Promise.resolve(next) : this.start(orientation);
  }
}

/** A round the server never opened: played the same way, never submitted. */
function practiceRound(orientation: Orientation, message: string): RoundTicket {
  return {
    ticket: "",
    durationMs: GameRules.roundDurationMs,
    seed: Math.floor(Math.random() * 0x1_0000_0000),
    orientation,
    startedAt: new Date(),
    practice: message,
  };
}
