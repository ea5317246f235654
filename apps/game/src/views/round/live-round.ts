import type { EndMessage, PausedMessage } from "@gift-grab/contracts";
import { quantizeInput, type RoundEvent } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { liveLinkMessage, liveLostMessage } from "../../net/messages";
import type { RoundTicket, SubmitOutcome } from "../../net/types";
import type { MoveInput } from "../../play/input";
import { LivePlay } from "../../play/live/live-play";
import { liveOutcome, type RoundResult } from "../../play/round-outcome";
import type { RoundPhase } from "../../play/round-phase";
import type { ShownRound } from "../../play/shown-round";
import { controlsHint, controlsHintSeen } from "./controls-hint";
import type { PauseMenu } from "./pause-menu";
import type { RoundHud } from "./round-hud";

/** What a live round works on: the scene's phase, the round shown, its HUD and pause menu. */
export interface LiveParts {
  phase: RoundPhase;
  shown: ShownRound;
  hud: RoundHud;
  menu: PauseMenu;
}

/** What a live round hands back to the scene. */
export interface LiveHandlers {
  /** The server paused or resumed the round (the pause flow's). */
  paused(m: PausedMessage): void;
  /** The round is over for this seat: what it scored, and what the server made of it. */
  over(result: RoundResult, outcome: SubmitOutcome): void;
}

/**
 * A live (ranked) round's seat on the round screen: the server's countdown and clock, each
 * frame's ticks predicted at once with the player's input, the link's state flashed, and the
 * round's end: the predicted one waits for the server's END, whose score is the score; a seat
 * lost (away past the grace, or the session ended here) ends it with what the server confirmed.
 */
export class LiveRound {
  readonly play: LivePlay;
  /** The server's END, once it came; the predicted round's end waits for it. */
  private end: EndMessage | null = null;
  private predictedOver = false;
  /** Handed back as over: nothing more is said. */
  private left = false;
  private readonly hint: string | null;

  constructor(
    scene: Phaser.Scene,
    ticket: Extract<RoundTicket, { kind: "live" }>,
    private readonly parts: LiveParts,
    private readonly on: LiveHandlers,
  ) {
    const live = new LivePlay(ticket.match, ticket.start, ticket.arrived, () => performance.now());
    this.play = live;
    live.events.on("paused", (m) => on.paused(m));
    live.events.on("end", (m) => this.ended(m));
    live.events.on("lost", (why) => this.lost(liveLostMessage(why)));
    live.events.on("link", (state) => parts.hud.flash(liveLinkMessage(state), 1500));
    this.hint = controlsHint(scene.sys.game.device.input.touch);
  }

  /**
   * A frame: the server's countdown, then every tick due on its clock, predicted at once with
   * `steer`'s input. What the ticks did, or null when none were played.
   */
  update(steer: () => MoveInput): { events: RoundEvent[]; ticks: number } | null {
    const { phase, hud, shown } = this.parts;
    const live = this.play;
    if (live.flushPause() === "none_left") hud.flash("No pauses left in this round.", 1500);
    if (phase.phase === "countdown") {
      const ms = live.msToStart();
      if (ms > 0) {
        hud.count(Math.ceil(ms / 1000), this.hint);
        return null;
      }
      if (this.hint) controlsHintSeen();
      hud.flash("Go!", 500);
      phase.enter("playing");
    }
    if (phase.phase !== "playing" && !(phase.phase === "over" && !this.end)) return null;
    const { events, ticks } = live.update(() => {
      if (phase.phase !== "playing") return { dx: 0, dy: 0 };
      const device = steer();
      const { dx, dy } = quantizeInput(device.x, device.y);
      shown.record(dx, dy);
      return { dx, dy };
    });
    shown.follow(live.prediction.predicted, live.prediction.santaShown());
    return { events, ticks };
  }

  /** The predicted round is over; the server's END says what counted. */
  predictedEnd(): void {
    this.predictedOver = true;
    this.parts.hud.say("Time's up!");
    if (this.end) this.ended(this.end);
  }

  /** The seat is gone (away past the grace, or the session ended here): the player is told. */
  lost(message: string): void {
    if (this.left || this.end) return;
    const c = this.play.prediction.confirmed;
    this.parts.phase.end();
    this.parts.menu.close();
    this.parts.hud.say("Round over");
    this.over(
      { score: c.score, gifts: c.gifts, powerUpsUsed: c.powerUpsUsed },
      { status: "rejected", message },
    );
  }

  /** The server's END: its score is the score. Game over shows it after "Time's up!". */
  private ended(end: EndMessage) {
    const { phase, hud } = this.parts;
    this.end = end;
    if (!this.predictedOver && phase.phase !== "over") {
      // The server finished first (this clock ran behind): the round is over all the same.
      this.predictedOver = true;
      phase.end();
      hud.say("Time's up!");
    }
    if (!this.predictedOver) return;
    this.over(
      { score: end.score, gifts: end.gifts, powerUpsUsed: end.powerUpsUsed },
      liveOutcome(end),
    );
  }

  private over(result: RoundResult, outcome: SubmitOutcome) {
    this.left = true;
    this.on.over(result, outcome);
  }
}
