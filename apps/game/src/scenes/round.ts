import {
  createRound,
  GameRules,
  type Orientation,
  quantizeInput,
  type RoundEvent,
  type RoundState,
  RULES_VERSION,
  type RulesVersion,
} from "@gift-grab/simulation";
import * as Phaser from "phaser";
import { playSfx } from "../audio/sfx";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { launchOptions, type RoundTuning, tunedRound } from "../core/launch-options";
import { loadSettings, restartCountdownMs } from "../core/settings";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { liveSessionEndedMessage } from "../net/messages";
import type { ConnectionState, RoundTicket, SubmitOutcome } from "../net/types";
import type { MoveInput } from "../play/input";
import { liveGameOver, practiceGameOver, type RoundResult } from "../play/round-outcome";
import { RoundPhase } from "../play/round-phase";
import { ShownRound } from "../play/shown-round";
import { ReplayCursor, type WatchData } from "../play/watch";
import { onKeyDown } from "../views/keys";
import type { FieldView } from "../views/round/field-view";
import { LiveRound } from "../views/round/live-round";
import { LocalRound } from "../views/round/local-round";
import { showRoundEvent } from "../views/round/round-effects";
import { RoundPauses } from "../views/round/round-pauses";
import { RoundScreen } from "../views/round/round-screen";
import { type RoundSight, roundSight } from "../views/round/round-sight";

export interface RoundData {
  /** Watch a recorded run instead of playing: same simulation, inputs from the recording. */
  watch?: WatchData;
  /** Started by Play again: the count before it is as short as Settings say. */
  again?: boolean;
}

/** The "Time's up!" beat between the round's end and game over, in game milliseconds. */
const TIME_UP_MS = 1200;

/**
 * One round: the views of views/round/ (field art, HUD, input, pause menu and its flow, Watch
 * controls) around the round shown, played here (LocalRound: practice, Watch) or live
 * (LiveRound: the server's seat). The test build's bench round (test-entry/bench.ts) extends
 * it through the protected hooks below.
 */
export class RoundScene extends Phaser.Scene {
  private shown!: ShownRound;
  private screen!: RoundScreen;
  private state!: RoundPhase;
  private pauses!: RoundPauses;
  private speed = 1;
  private seed = 0;
  private orientation: Orientation = "landscape";
  /** A live (ranked) round's seat; null once it is over. */
  private live: LiveRound | null = null;
  /** A round played here (practice, the bench) or watched. */
  private local: LocalRound | null = null;
  /** Why this round is practice, when the server could not open a live one. */
  private startError: string | null = null;
  private cursor: ReplayCursor | null = null;

  constructor(key = "Round") {
    super(key);
  }

  protected get round(): RoundState {
    return this.shown.round;
  }

  protected get field(): FieldView {
    return this.screen.field;
  }

  create(data: RoundData = {}) {
    const tuning = launchOptions(this).round;
    this.speed = tuning.speed;
    this.live = null;
    this.local = null;
    this.startError = null;
    this.cursor = null;
    emitGameEvent(this, "screen", { scene: "Round", status: "starting" });

    const watching = data?.watch ?? null;
    const orientation: Orientation =
      watching?.params.orientation ??
      (this.scale.height > this.scale.width ? "portrait" : "landscape");
    // A placeholder round so the field draws while the live round is opened.
    this.orientation = orientation;
    this.shown = new ShownRound(createRound({ seed: tuning.seed ?? 1, orientation }));
    const screen = new RoundScreen(this, this.shown, watching, {
      pause: () => this.pauses.pause(),
      toggleWatch: () => this.state.toggleWatch(),
    });
    this.screen = screen;
    this.state = new RoundPhase(this, screen.steer);
    this.pauses = new RoundPauses(this, {
      phase: this.state,
      menu: screen.menu,
      field: screen.field,
      hud: screen.hud,
      watch: screen.watch,
      live: () => this.live?.play ?? null,
      orientation: () => this.orientation,
      quit: () => this.scene.start("Menu"),
    });
    this.listen();
    this.layout();
    this.draw();

    if (watching) {
      const { params, inputs } = watching;
      // A run stored before rules version 2 says no version: it plays under version 1.
      this.begin(params.seed, params.duration_ms, params.orientation, 0, params.rules_version ?? 1);
      this.cursor = new ReplayCursor(inputs);
    } else {
      const countdownMs = data?.again
        ? restartCountdownMs(loadSettings(), tuning.countdownMs)
        : tuning.countdownMs;
      this.play(orientation, { ...tuning, countdownMs });
    }
  }

  /** Starts the round a player plays: live on the server, or practice; then the countdown. */
  protected play(orientation: Orientation, tuning: RoundTuning): void {
    if (tunedRound(tuning)) {
      // The test build's seed or speed: practice on this device (Play opened no seat).
      this.begin(
        tuning.seed ?? Date.now() >>> 0,
        GameRules.roundDurationMs,
        orientation,
        tuning.countdownMs,
      );
      return;
    }
    void this.startRound(tuning.seed, orientation, tuning.countdownMs);
  }

  /** Santa's input for the next ticks: the player's keys, drag or stick. */
  protected steerInput(): MoveInput {
    return this.screen.steer.direction(this.shown.cur.santa);
  }

  /** After each simulation tick, and after each frame's drawing: nothing in a player's round. */
  protected afterTick(): void {}
  protected afterDraw(): void {}

  private listen() {
    onKeyDown(this, (event) => {
      if (event.repeat || (event.key !== "Escape" && event.key.toLowerCase() !== "p")) return;
      event.preventDefault();
      this.pauses.toggle();
    });
    const onHidden = () => this.pauses.pause();
    this.game.events.on(Phaser.Core.Events.HIDDEN, onHidden);
    const onResize = () => {
      const before = this.field.fieldScale;
      this.layout();
      this.pauses.screenChanged(before);
    };
    this.scale.on("resize", onResize);
    // Another tab or device plays: the round stops under the overlay's question, unseen and
    // unsubmitted, until this tab plays again.
    const offConnection = getNet().on("connection", (state) => this.connectionChanged(state));
    inspectable(this, "round", () => this.sight());
    this.events.once("shutdown", () => {
      this.live?.play.leave();
      this.game.events.off(Phaser.Core.Events.HIDDEN, onHidden);
      this.scale.off("resize", onResize);
      offConnection();
    });
  }

  private async startRound(
    seedOverride: number | null,
    orientation: Orientation,
    countdownMs: number,
  ) {
    const ticket = await whileRunning(this, getNet().startRound(orientation));
    if (ticket.kind === "live") return this.beginLive(ticket);
    // Practice: said before it starts (the countdown's line), played here, never ranked.
    this.startError = ticket.why;
    this.begin(seedOverride ?? ticket.seed, ticket.durationMs, ticket.orientation, countdownMs);
  }

  /** A live round: START's state and clock; the countdown is the server's. */
  private beginLive(ticket: Extract<RoundTicket, { kind: "live" }>) {
    const live = new LiveRound(
      this,
      ticket,
      { phase: this.state, shown: this.shown, hud: this.screen.hud, menu: this.screen.menu },
      { paused: (m) => this.pauses.livePaused(m), over: (r, o) => this.liveOver(r, o) },
    );
    this.live = live;
    this.seed = 0;
    this.orientation = ticket.start.orientation;
    this.shown.set(live.play.prediction.predicted);
    this.layout();
    this.state.enter("countdown");
    this.draw();
  }

  /** A round played here (practice, the bench) or watched: practice plays today's rules. */
  protected begin(
    seed: number,
    durationMs: number,
    orientation: Orientation,
    countdownMs: number,
    version: RulesVersion = RULES_VERSION,
  ) {
    this.seed = seed;
    this.orientation = orientation;
    this.shown.set(createRound({ seed, durationMs, orientation, version }));
    const parts = { phase: this.state, shown: this.shown, hud: this.screen.hud };
    const touch = this.sys.game.device.input.touch;
    this.local = new LocalRound(parts, this.speed, countdownMs, this.startError, touch);
    this.draw();
  }

  override update(_time: number, delta: number) {
    if (this.live) {
      const frame = this.live.update(() => this.steerInput());
      if (frame) {
        if (frame.ticks > 0) this.afterTick();
        for (const e of frame.events) this.onRoundEvent(e);
      }
    } else {
      this.local?.update(
        delta,
        this.screen.watch?.speed ?? 1,
        () => this.nextInput(),
        (events) => this.ticked(events),
      );
    }
    this.draw();
  }

  /**
   * The next tick's input: the recording's, or the player's, sampled each tick (a followed
   * finger's steps shorten as Santa nears its point).
   */
  private nextInput(): { dx: number; dy: number } {
    if (this.cursor) return this.cursor.next();
    const device = this.steerInput();
    return quantizeInput(device.x, device.y);
  }

  private ticked(events: RoundEvent[]) {
    this.afterTick();
    for (const e of events) this.onRoundEvent(e);
  }

  private onRoundEvent(e: RoundEvent) {
    if (e.type === "end") this.finish();
    else {
      const { field, hud } = this.screen;
      showRoundEvent(this, e, { field, hud, santa: this.shown.cur.santa });
    }
  }

  private finish() {
    this.state.end();
    playSfx(this, "end");
    if (this.live) return this.live.predictedEnd();
    const { hud, watch } = this.screen;
    if (watch) {
      hud.say(`${watch.data.title}: ${this.round.score}`);
      watch.ended();
      emitGameEvent(this, "status", { status: "watched" });
      return;
    }
    const { seed, orientation } = this;
    const { round, inputs } = this.shown;
    const gameOver = practiceGameOver({ seed, round, orientation, inputs }, this.startError);
    emitGameEvent(this, "status", { status: "over" });
    hud.say("Time's up!");
    this.time.delayedCall(TIME_UP_MS / this.speed, () => this.scene.start("GameOver", gameOver));
  }

  /** The live seat is over: game over shows the server's outcome after "Time's up!". */
  private liveOver(result: RoundResult, outcome: SubmitOutcome) {
    const live = this.live?.play ?? null;
    this.live = null;
    live?.leave();
    emitGameEvent(this, "status", { status: "over" });
    this.time.delayedCall(TIME_UP_MS, () =>
      this.scene.start("GameOver", liveGameOver(result, outcome, this.shown.inputs, live)),
    );
  }

  /** The session ended here mid live round: the seat is lost; otherwise the pause flow's. */
  private connectionChanged(state: ConnectionState) {
    if (this.live && (state === "other_tab" || state === "kicked" || state === "signed_out")) {
      this.live.lost(liveSessionEndedMessage);
      return;
    }
    this.pauses.connectionChanged(state);
  }

  private layout() {
    this.screen.layout();
  }

  private draw() {
    this.screen.draw();
    this.afterDraw();
  }

  /** What the round shows, for the test build's probe (test-entry/round-probe.ts). */
  protected sight(): RoundSight {
    const { seed, speed, shown, screen } = this;
    const live = this.live?.play ?? null;
    return roundSight(this, { phase: this.state.phase, seed, speed, shown, screen, live });
  }
}
