import type { RoundEvent } from "@gift-grab/simulation";
import type { RoundPhase } from "../../play/round-phase";
import type { ShownRound } from "../../play/shown-round";
import { controlsHint, controlsHintSeen } from "./controls-hint";
import type { RoundHud } from "./round-hud";

/** What a round played here works on: the scene's phase, the round shown and its HUD. */
export interface LocalParts {
  phase: RoundPhase;
  shown: ShownRound;
  hud: RoundHud;
}

/**
 * A round played on this device (practice, the test build's bench) or a recorded run watched:
 * its countdown, then its ticks on the fixed-tick clock at the game's speed (and Watch's).
 */
export class LocalRound {
  private countdownLeftMs: number;
  private readonly hint: string | null = null;

  /**
   * Counts down `countdownMs` (game milliseconds), or plays at once. `startError` says why
   * this is practice: the countdown's line, flashed at the start.
   */
  constructor(
    private readonly parts: LocalParts,
    private readonly speed: number,
    countdownMs: number,
    private readonly startError: string | null,
    touch: boolean,
  ) {
    const { phase, hud } = parts;
    this.countdownLeftMs = countdownMs;
    if (countdownMs > 0) {
      this.hint = startError ?? controlsHint(touch);
      phase.enter("countdown");
    } else {
      hud.say(null);
      if (startError) hud.flash(startError, 2500);
      phase.enter("playing");
    }
  }

  /**
   * A frame of `delta` ms: the countdown, or the ticks due, each played with `next`'s input
   * and handed to `ticked` with its events (the last may end the round).
   */
  update(
    delta: number,
    watchSpeed: number,
    next: () => { dx: number; dy: number },
    ticked: (events: RoundEvent[]) => void,
  ): void {
    const { phase, shown } = this.parts;
    if (phase.phase === "countdown") this.countDown(delta);
    if (phase.phase !== "playing") return;
    const ticks = shown.clock.advance(delta, this.speed * watchSpeed);
    for (let i = 0; i < ticks && phase.phase === "playing"; i++) {
      const { dx, dy } = next();
      ticked(shown.step(dx, dy));
    }
  }

  private countDown(delta: number) {
    const { phase, hud, shown } = this.parts;
    this.countdownLeftMs -= delta * this.speed;
    if (this.countdownLeftMs > 0) {
      hud.count(Math.ceil(this.countdownLeftMs / 1000), this.hint);
      return;
    }
    if (this.hint && !this.startError) controlsHintSeen();
    hud.flash(this.startError ?? "Go!", this.startError ? 2500 : 500);
    shown.clock.reset();
    phase.enter("playing");
  }
}
