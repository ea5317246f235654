import type * as Phaser from "phaser";
import { emitGameEvent } from "../core/game-events";

/** Where a round is: waiting for its ticket, counting down, in play, paused, or over. */
export type Phase = "starting" | "countdown" | "playing" | "paused" | "over";
export type Running = Exclude<Phase, "paused" | "over">;

/**
 * What paused the round besides the player: the screen's size (the pause menu says what to
 * do), or another tab or device playing (nothing shows here until this tab plays again).
 */
export type Hold = "screen" | "elsewhere" | null;

/** The player's steering as the phase sets it (the round's input). */
export interface Steering {
  enabled: boolean;
  release(): void;
}

/**
 * A round's phase, and what a pause returns to: each change to a running phase or a pause is
 * announced as a "status" event, and Santa is steered only in play.
 */
export class RoundPhase {
  phase: Phase = "starting";
  /** What a pause returns to. */
  pausedFrom: Running = "starting";
  hold: Hold = null;

  constructor(
    private readonly scene: Pick<Phaser.Scene, "game">,
    private readonly steer: Steering,
  ) {}

  /** Moves to `next`, or makes it what Resume returns to while paused. */
  enter(next: Running): void {
    if (this.phase === "paused") this.pausedFrom = next;
    else this.run(next);
  }

  run(next: Running): void {
    this.phase = next;
    this.steer.enabled = next === "playing";
    emitGameEvent(this.scene, "status", { status: next });
  }

  /** Stops the round where it is: false when it was already paused or over. */
  stop(): boolean {
    if (this.phase === "paused" || this.phase === "over") return false;
    this.pausedFrom = this.phase;
    this.phase = "paused";
    this.steer.enabled = false;
    this.steer.release();
    emitGameEvent(this.scene, "status", { status: "paused" });
    return true;
  }

  /** The round is over (what follows says how it ended): Santa is let go. */
  end(): void {
    this.phase = "over";
    this.steer.enabled = false;
    this.steer.release();
  }

  /** Watch's Pause/Play: returns true when playback is now paused. */
  toggleWatch(): boolean {
    if (this.phase === "playing") this.phase = "paused";
    else if (this.phase === "paused") this.phase = "playing";
    const paused = this.phase === "paused";
    emitGameEvent(this.scene, "status", { status: paused ? "paused" : "playing" });
    return paused;
  }
}
