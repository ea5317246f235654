import type { EndMessage, PausedMessage } from "@gift-grab/contracts";
import {
  appendInput,
  createRound,
  GameRules,
  type InputRuns,
  type Orientation,
  quantizeInput,
  type RoundEvent,
  type RoundState,
  RULES_VERSION,
  type RulesVersion,
  SUBUNITS,
  stepTick,
  ticksToMs,
  type Vec,
} from "@gift-grab/simulation";
import * as Phaser from "phaser";
import { playSfx } from "../audio/sfx";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { launchOptions, type RoundTuning, tunedRound } from "../core/launch-options";
import { loadSettings, restartCountdownMs } from "../core/settings";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import {
  liveFailedMessage,
  liveLinkMessage,
  liveLostMessage,
  liveSessionEndedMessage,
} from "../net/messages";
import type { ConnectionState, RoundTicket, SubmitOutcome } from "../net/types";
import type { MoveInput } from "../play/input";
import { interpolate, type Positions, positionsOf } from "../play/interpolate";
import { LivePlay } from "../play/live/live-play";
import { TickClock } from "../play/tick-clock";
import type { Stick } from "../play/touch-steer";
import { ReplayCursor, type WatchData } from "../play/watch";
import { Button } from "../views/button";
import { FocusGroup } from "../views/focus";
import { onKeyDown } from "../views/keys";
import { controlsHint, controlsHintSeen } from "../views/round/controls-hint";
import { FieldView, worldField } from "../views/round/field-view";
import { MuteButton } from "../views/round/mute-button";
import { PauseMenu, type PauseWords } from "../views/round/pause-menu";
import { RoundHud } from "../views/round/round-hud";
import { RoundInput } from "../views/round/round-input";
import { WatchControls } from "../views/round/watch-controls";
import { uiScale } from "../views/theme";

export interface RoundData {
  /** Watch a recorded run instead of playing: same simulation, inputs from the recording. */
  watch?: WatchData;
  /** Started by Play again: the count before it is as short as Settings say. */
  again?: boolean;
}

/** Where a round is: waiting for its ticket, counting down, in play, paused, or over. */
type Phase = "starting" | "countdown" | "playing" | "paused" | "over";
type Running = Exclude<Phase, "paused" | "over">;

/**
 * What paused the round besides the player: the screen's size (the pause menu says what to
 * do), or another tab or device playing (nothing shows here until this tab plays again).
 */
type Hold = "screen" | "elsewhere" | null;

/** A resize that changes the field's scale by more than this pauses the round. */
const RESIZE_PAUSES_AT = 0.1;

/** The "Time's up!" beat between the round's end and game over, in game milliseconds. */
const TIME_UP_MS = 1200;

/**
 * One round, coordinated: the simulation's ticks and the round's phases live here; the field
 * art, HUD, input, pause menu and Watch controls are views in views/round/. The test build's
 * bench round (test-entry/bench.ts) extends it through the protected hooks below.
 */
export class RoundScene extends Phaser.Scene {
  protected round!: RoundState;
  /** The round's state before its last tick and now, in world units: drawn interpolated. */
  private prev!: Positions;
  protected cur!: Positions;
  private readonly clock = new TickClock();
  /** Every tick's input, as the server will replay it. */
  private inputs: InputRuns = [];
  private phase: Phase = "starting";
  /** What a pause returns to. */
  private pausedFrom: Running = "starting";
  private countdownLeftMs = 0;
  private hint: string | null = null;
  private speed = 1;
  private seed = 0;
  private orientation: Orientation = "landscape";
  /** A live (ranked) round: the server's clock, prediction and reconciliation. */
  private live: LivePlay | null = null;
  /** The server's END, once it came; the predicted round's end waits for it. */
  private liveEnd: EndMessage | null = null;
  private predictedOver = false;
  private hold: Hold = null;
  /** The screen was turned away from the field's shape at the last resize (a live round). */
  private wasTurned = false;
  private startError: string | null = null;

  protected field!: FieldView;
  private hud!: RoundHud;
  private steer!: RoundInput;
  private pauseMenu!: PauseMenu;
  private pauseButton!: Button;
  private mute!: MuteButton;
  private watch: WatchControls | null = null;
  private cursor: ReplayCursor | null = null;

  constructor(key = "Round") {
    super(key);
  }

  create(data: RoundData = {}) {
    const tuning = launchOptions(this).round;
    this.speed = tuning.speed;
    this.phase = "starting";
    this.pausedFrom = "starting";
    this.live = null;
    this.liveEnd = null;
    this.predictedOver = false;
    this.hold = null;
    this.wasTurned = false;
    this.startError = null;
    this.watch = null;
    this.cursor = null;
    emitGameEvent(this, "screen", { scene: "Round", status: "starting" });

    const watching = data?.watch ?? null;
    const orientation: Orientation =
      watching?.params.orientation ??
      (this.scale.height > this.scale.width ? "portrait" : "landscape");
    // A placeholder round so the field draws while the live round is opened.
    this.orientation = orientation;
    this.setRound(createRound({ seed: tuning.seed ?? 1, orientation }));
    this.field = new FieldView(this, this.round);
    this.hud = new RoundHud(this);
    this.steer = new RoundInput(this, this.field, () => this.round, loadSettings().touch);
    this.pauseMenu = new PauseMenu(this);
    this.pauseButton = new Button(this, {
      label: "Pause",
      variant: "secondary",
      fontSize: 16,
      onPress: () => this.pause(),
    }).setDepth(60);
    this.mute = new MuteButton(this);
    new FocusGroup(this, false, false).add(this.mute.button, this.pauseButton);
    if (watching) {
      this.pauseButton.setVisible(false);
      this.mute.setVisible(false);
      this.watch = new WatchControls(this, watching, () => this.toggleWatch());
    }
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
    return this.steer.direction(this.cur.santa);
  }

  /** After each simulation tick, and after each frame's drawing: nothing in a player's round. */
  protected afterTick(): void {}
  protected afterDraw(): void {}

  private listen() {
    onKeyDown(this, (event) => {
      if (event.repeat || (event.key !== "Escape" && event.key.toLowerCase() !== "p")) return;
      event.preventDefault();
      this.togglePause();
    });
    const onHidden = () => this.pause();
    this.game.events.on(Phaser.Core.Events.HIDDEN, onHidden);
    const onResize = () => {
      const before = this.field.fieldScale;
      this.layout();
      this.screenChanged(before);
    };
    this.scale.on("resize", onResize);
    // Another tab or device plays: the round stops under the overlay's question, unseen and
    // unsubmitted, until this tab plays again.
    const offConnection = getNet().on("connection", (state) => this.connectionChanged(state));
    inspectable(this, "round", () => this.sight());
    this.events.once("shutdown", () => {
      this.live?.leave();
      this.game.events.off(Phaser.Core.Events.HIDDEN, onHidden);
      this.scale.off("resize", onResize);
      offConnection();
    });
  }

  private setRound(round: RoundState) {
    this.round = round;
    this.cur = positionsOf(round);
    this.prev = this.cur;
    this.clock.reset();
    this.inputs = [];
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
    const live = new LivePlay(ticket.match, ticket.start, ticket.arrived, () => performance.now());
    this.live = live;
    this.seed = 0;
    this.orientation = ticket.start.orientation;
    this.setRound(live.prediction.predicted);
    this.layout();
    live.events.on("paused", (m) => this.livePaused(m));
    live.events.on("end", (m) => this.liveEnded(m));
    live.events.on("lost", (why) => this.liveOver(liveLostMessage(why)));
    live.events.on("link", (state) => this.hud.flash(liveLinkMessage(state), 1500));
    this.hint = controlsHint(this.sys.game.device.input.touch);
    this.enter("countdown");
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
    this.setRound(createRound({ seed, durationMs, orientation, version }));
    this.countdownLeftMs = countdownMs;
    if (countdownMs > 0) {
      this.hint = this.startError ?? controlsHint(this.sys.game.device.input.touch);
      this.enter("countdown");
    } else {
      this.hud.say(null);
      if (this.startError) this.hud.flash(this.startError, 2500);
      this.enter("playing");
    }
    this.draw();
  }

  /** Moves to `next`, or makes it what Resume returns to while paused. */
  private enter(next: Running) {
    if (this.phase === "paused") this.pausedFrom = next;
    else this.run(next);
  }

  private run(next: Running) {
    this.phase = next;
    this.steer.enabled = next === "playing";
    emitGameEvent(this, "status", { status: next });
  }

  override update(_time: number, delta: number) {
    if (this.live) {
      this.updateLive(this.live);
      this.draw();
      return;
    }
    if (this.phase === "countdown") this.countDown(delta);
    if (this.phase === "playing") {
      const ticks = this.clock.advance(delta, this.speed * (this.watch?.speed ?? 1));
      const cursor = this.cursor;
      if (cursor) {
        for (let i = 0; i < ticks && this.phase === "playing"; i++) {
          const { dx, dy } = cursor.next();
          this.tick(dx, dy);
        }
      } else {
        // Sampled each tick: a followed finger's steps shorten as Santa nears its point.
        for (let i = 0; i < ticks && this.phase === "playing"; i++) {
          const device = this.steerInput();
          const { dx, dy } = quantizeInput(device.x, device.y);
          this.tick(dx, dy);
        }
      }
    }
    this.draw();
  }

  /** A live round's frame: every tick due on the server's clock, predicted at once. */
  private updateLive(live: LivePlay) {
    if (live.flushPause() === "none_left") this.hud.flash("No pauses left in this round.", 1500);
    if (this.phase === "countdown") {
      const ms = live.msToStart();
      if (ms > 0) {
        this.hud.count(Math.ceil(ms / 1000), this.hint);
        return;
      }
      if (this.hint) controlsHintSeen();
      this.hud.flash("Go!", 500);
      this.enter("playing");
    }
    if (this.phase !== "playing" && !(this.phase === "over" && !this.liveEnd)) return;
    const { events, ticks } = live.update(() => {
      if (this.phase !== "playing") return { dx: 0, dy: 0 };
      const device = this.steerInput();
      const { dx, dy } = quantizeInput(device.x, device.y);
      appendInput(this.inputs, dx, dy);
      return { dx, dy };
    });
    this.round = live.prediction.predicted;
    this.prev = this.cur = { ...positionsOf(this.round), santa: live.prediction.santaShown() };
    if (ticks > 0) this.afterTick();
    for (const e of events) this.onRoundEvent(e);
  }

  private countDown(delta: number) {
    this.countdownLeftMs -= delta * this.speed;
    if (this.countdownLeftMs > 0) {
      this.hud.count(Math.ceil(this.countdownLeftMs / 1000), this.hint);
      return;
    }
    if (this.hint && !this.startError) controlsHintSeen();
    this.hud.flash(this.startError ?? "Go!", this.startError ? 2500 : 500);
    this.clock.reset();
    this.enter("playing");
  }

  private tick(dx: number, dy: number) {
    this.prev = this.cur;
    appendInput(this.inputs, dx, dy);
    const events = stepTick(this.round, dx, dy);
    this.cur = positionsOf(this.round);
    this.afterTick();
    for (const e of events) this.onRoundEvent(e);
  }

  private onRoundEvent(e: RoundEvent) {
    switch (e.type) {
      case "grab":
        playSfx(this, "grab");
        this.field.sparksAt(18, { x: e.at.x / SUBUNITS, y: e.at.y / SUBUNITS });
        this.hud.scorePop();
        break;
      case "freeze":
        playSfx(this, "freeze");
        this.cameras.main.shake(150, 0.006);
        break;
      case "powerup_taken":
        playSfx(this, e.kind === "flame" ? "flame" : "cookie");
        this.field.sparksAt(30, this.cur.santa);
        break;
      case "end":
        this.finish();
        break;
      default:
        break;
    }
  }

  private finish() {
    this.phase = "over";
    this.steer.enabled = false;
    this.steer.release();
    playSfx(this, "end");
    if (this.live) {
      // The predicted round is over; the server's END says what counted.
      this.predictedOver = true;
      this.hud.say("Time's up!");
      if (this.liveEnd) this.liveEnded(this.liveEnd);
      return;
    }
    if (this.watch) {
      this.hud.say(`${this.watch.data.title}: ${this.round.score}`);
      this.watch.ended();
      emitGameEvent(this, "status", { status: "watched" });
      return;
    }
    const result = {
      score: this.round.score,
      gifts: this.round.gifts,
      powerUpsUsed: this.round.powerUpsUsed,
      inputs: this.inputs,
    };
    emitGameEvent(this, "status", { status: "over" });
    // A practice round: nothing is ranked; Watch replays it here.
    const submission = Promise.resolve<SubmitOutcome>({ status: "practice" });
    const watch: WatchData = {
      params: {
        seed: this.seed,
        duration_ms: ticksToMs(this.round.ticks),
        orientation: this.orientation,
        rules_version: this.round.spawnLead > 0 ? 2 : 1,
      },
      inputs: this.inputs,
      score: result.score,
      title: "Your run",
      back: { scene: "Menu" },
    };
    this.hud.say("Time's up!");
    this.time.delayedCall(TIME_UP_MS / this.speed, () =>
      this.scene.start("GameOver", {
        result,
        submission,
        notSavedReason: this.startError,
        watch,
      }),
    );
  }

  /** The server's END: its score is the score. Game over shows it after "Time's up!". */
  private liveEnded(end: EndMessage) {
    this.liveEnd = end;
    if (!this.predictedOver && this.phase !== "over") {
      // The server finished first (this clock ran behind): the round is over all the same.
      this.predictedOver = true;
      this.phase = "over";
      this.steer.enabled = false;
      this.steer.release();
      this.hud.say("Time's up!");
    }
    if (!this.predictedOver) return;
    const outcome: SubmitOutcome =
      end.reason === "failed"
        ? { status: "rejected", message: liveFailedMessage }
        : end.held
          ? { status: "held", score: end.score }
          : {
              status: "accepted",
              score: end.score,
              best: end.best,
              rank: end.rank,
              newBest: end.newBest,
            };
    this.toGameOver(
      { score: end.score, gifts: end.gifts, powerUpsUsed: end.powerUpsUsed },
      outcome,
    );
  }

  /** The seat is gone (away past the grace, or the session ended here): the player is told. */
  private liveOver(message: string) {
    if (!this.live || this.liveEnd) return;
    const c = this.live.prediction.confirmed;
    this.phase = "over";
    this.steer.enabled = false;
    this.steer.release();
    this.pauseMenu.close();
    this.hud.say("Round over");
    this.toGameOver(
      { score: c.score, gifts: c.gifts, powerUpsUsed: c.powerUpsUsed },
      { status: "rejected", message },
    );
  }

  private toGameOver(
    result: { score: number; gifts: number; powerUpsUsed: number },
    outcome: SubmitOutcome,
  ) {
    const live = this.live;
    this.live = null;
    live?.leave();
    emitGameEvent(this, "status", { status: "over" });
    this.time.delayedCall(TIME_UP_MS, () =>
      this.scene.start("GameOver", {
        result: { ...result, inputs: this.inputs },
        submission: Promise.resolve(outcome),
        notSavedReason: null,
        watchOwn:
          outcome.status === "accepted" && outcome.rank > 0
            ? outcome.newBest
              ? ("run" as const)
              : ("best" as const)
            : undefined,
        live: {
          largestCorrection: live?.prediction.largestCorrection ?? 0,
          largestStep: live?.prediction.largestStep ?? 0,
          snaps: live?.prediction.snaps ?? 0,
          largestFill: live?.prediction.largestFill ?? 0,
        },
      }),
    );
  }

  // --- pause -----------------------------------------------------------------------------

  /** The server paused or resumed the round: the field hides while paused. */
  private livePaused(m: PausedMessage) {
    if (this.phase === "over") return;
    if (m.paused) {
      this.stop();
      this.field.layer.setVisible(false);
      this.openPauseMenu(this.livePauseWords(m.pausesLeft, m.msLeft));
      return;
    }
    this.hold = null;
    this.pauseMenu.close();
    this.field.layer.setVisible(true);
    this.hud.flash("Ready…", m.msLeft);
    if (this.phase === "paused") this.run(this.pausedFrom);
  }

  /** What a live round's pause menu says: why it paused (a turned screen), what is left. */
  private livePauseWords(pausesLeft: number, msLeft?: number): PauseWords {
    const left = pausesLeft === 1 ? "1 pause left" : `${pausesLeft} pauses left`;
    const goesOn =
      msLeft === undefined ? "" : ` It goes on by itself in ${Math.ceil(msLeft / 1000)} s.`;
    const quit = "The server plays it out without you and keeps what you scored so far.";
    if (this.hold === "screen") {
      const screen = this.screenWords();
      return { ...screen, message: `${screen.message} ${left} in this round.${goesOn}`, quit };
    }
    return { title: "Paused", message: `${left} in this round.${goesOn}`, quit };
  }

  /** A live round asks the server (once a frame); it pauses only with pauses left. */
  private askLivePause(live: LivePlay) {
    if (this.phase === "playing") live.want(true);
  }

  private togglePause() {
    if (this.watch) this.watch.pressToggle();
    else if (this.live) {
      if (this.phase === "playing" || this.phase === "paused") this.live.toggle();
    } else if (this.phase === "paused") this.resume();
    else this.pause();
  }

  /** Pauses the round and opens the pause menu, saying `words` when given. */
  private pause(words?: PauseWords) {
    if (this.watch) {
      if (this.phase === "playing") this.watch.pressToggle();
      return;
    }
    if (this.live) return this.askLivePause(this.live);
    if (!this.stop()) return;
    this.openPauseMenu(words);
  }

  /** Stops the round where it is: false when it was already paused or over. */
  private stop(): boolean {
    if (this.phase === "paused" || this.phase === "over") return false;
    this.pausedFrom = this.phase;
    this.phase = "paused";
    this.steer.enabled = false;
    this.steer.release();
    emitGameEvent(this, "status", { status: "paused" });
    return true;
  }

  private openPauseMenu(words?: PauseWords) {
    this.pauseMenu.open(
      { onResume: () => this.resume(), onQuit: () => this.scene.start("Menu") },
      words,
    );
  }

  private resume() {
    if (this.live) {
      // The server resumes; its PAUSED closes the menu and shows the field.
      if (this.phase === "paused") this.live.want(false);
      return;
    }
    if (this.phase !== "paused" || this.hold === "elsewhere") return;
    this.hold = null;
    this.pauseMenu.close();
    this.run(this.pausedFrom);
  }

  /** A resize that turns the screen or rescales the field pauses; the pause menu says why. */
  private screenChanged(scaleBefore: number) {
    if (this.watch || this.hold === "elsewhere" || this.phase === "over") return;
    if (this.live) return this.liveScreenChanged(this.live);
    if (this.phase === "paused") {
      if (this.hold === "screen") this.openPauseMenu(this.screenWords());
      return;
    }
    const change = Math.abs(this.field.fieldScale - scaleBefore) / scaleBefore;
    if (!this.turned() && change <= RESIZE_PAUSES_AT) return;
    this.hold = "screen";
    this.pause(this.screenWords());
  }

  /**
   * A live round's pauses are the player's few: turning the screen away from the field's shape
   * spends one (the server's PAUSED opens the menu with the screen's words); a resize that
   * keeps the shape, or one more while still turned, only lays the field out again.
   */
  private liveScreenChanged(live: LivePlay) {
    const turned = this.turned();
    const turning = turned && !this.wasTurned;
    this.wasTurned = turned;
    if (this.phase === "paused") {
      if (this.hold === "screen") this.openPauseMenu(this.livePauseWords(live.pausesLeft));
      return;
    }
    if (!turning || this.phase !== "playing") return;
    this.hold = "screen";
    this.askLivePause(live);
  }

  /** The screen's shape no longer matches the round's field (it plays small). */
  private turned(): boolean {
    const tall = this.scale.height > this.scale.width;
    return (tall ? "portrait" : "landscape") !== this.orientation;
  }

  private screenWords(): PauseWords {
    if (!this.turned()) {
      return { title: "Paused", message: "The round fits the screen again.", resume: "Resume" };
    }
    const back = this.sys.game.device.input.touch
      ? "Turn your phone back"
      : `Make the window ${this.orientation === "portrait" ? "taller" : "wider"} again`;
    return {
      title: "Paused: the screen turned",
      message: `${back} to continue at full size, or continue as it is.`,
      resume: "Continue as it is",
    };
  }

  /**
   * Another tab or device took over: stop without a word (the overlay asks the player). When
   * this tab plays again the round waits for the player's Resume, or says why it can't go on.
   */
  private connectionChanged(state: ConnectionState) {
    if (this.live && (state === "other_tab" || state === "kicked" || state === "signed_out")) {
      this.liveOver(liveSessionEndedMessage);
      return;
    }
    if (state === "other_tab" || state === "kicked") {
      if (this.watch) return this.pause();
      if (this.phase === "over") return;
      this.stop();
      this.pauseMenu.close();
      this.hold = "elsewhere";
      return;
    }
    if (state !== "online" || this.hold !== "elsewhere") return;
    // Next frame: after the overlay has taken its question down, so this one is the last said.
    this.time.delayedCall(0, () => this.backHere());
  }

  private backHere() {
    if (this.phase !== "paused" || this.hold !== "elsewhere") return;
    if (getNet().connection !== "online") return;
    this.hold = null;
    this.openPauseMenu({ title: "Your round is paused", message: "Resume when you're ready." });
  }

  /** Watch's Pause/Play: returns true when playback is now paused. */
  private toggleWatch(): boolean {
    if (this.phase === "playing") this.phase = "paused";
    else if (this.phase === "paused") this.phase = "playing";
    const paused = this.phase === "paused";
    emitGameEvent(this, "status", { status: paused ? "paused" : "playing" });
    return paused;
  }

  // --- drawing ---------------------------------------------------------------------------

  private layout() {
    const { width, height } = this.scale;
    const s = uiScale(this);
    // A narrow screen stacks score and time on the left, clear of the mute and Pause buttons.
    const stacked = !this.watch && width / pixelRatio() < 560;
    const hudH = Math.max((stacked ? 76 : 54) * s, (stacked ? 70 : 50) * pixelRatio());
    const pad = 10;
    const controls = this.watch ? WatchControls.height(this) : 0;
    this.field.fit(worldField(this.round), {
      x: pad,
      y: hudH + pad,
      width: width - pad * 2,
      height: height - hudH - controls - pad * 2,
    });
    const pauseW = 84 * s;
    const pauseH = Math.max(38 * s, MuteButton.side(0));
    // Never under a fingertip's 44 CSS px (Button's minimum), and clear of the screen's top.
    const pauseY = Math.max(27 * s, 24 * pixelRatio());
    this.pauseButton.place(width - 10 - pauseW / 2, pauseY, pauseW, pauseH);
    const muteSide = MuteButton.side(38 * s);
    const muteX = width - 10 - pauseW - 8 - muteSide / 2;
    this.mute.place(muteX, pauseY, muteSide);
    this.watch?.layout(width, height, s);
    // Watch has no Pause up there (its controls are below): the header may use the corner.
    const timeRight = this.watch ? width - 12 : muteX - muteSide / 2 - 12;
    this.hud.layout(width, height, hudH + pad, timeRight, stacked);
  }

  private draw() {
    const at = interpolate(this.prev, this.cur, this.clock.alpha);
    this.field.draw(this.round, at);
    this.hud.show(this.round, this.watch?.data.title ?? null);
    this.steer.draw();
    this.afterDraw();
  }

  /** What the round shows, for the test build's probe (test-entry/round-probe.ts). */
  protected sight(): RoundSight {
    const rect = this.game.canvas.getBoundingClientRect();
    const k = rect.width / this.scale.width;
    return {
      phase: this.phase,
      seed: this.seed,
      speed: this.speed,
      round: this.round,
      at: this.cur,
      field: this.field,
      hud: this.hud.texts,
      muted: this.mute.muted,
      mute: this.mute.button.bounds(),
      stick: this.steer.stick(),
      aim: this.steer.aim(),
      live: this.live
        ? {
            largestCorrection: this.live.prediction.largestCorrection,
            largestStep: this.live.prediction.largestStep,
            snaps: this.live.prediction.snaps,
            largestFill: this.live.prediction.largestFill,
            corrections: this.live.prediction.corrections,
            confirmedTick: this.live.prediction.confirmed.tick,
            serverScore: this.live.prediction.confirmed.score,
            pausesLeft: this.live.pausesLeft,
            giftReveals: this.live.prediction.giftReveals,
            lateGiftReveals: this.live.prediction.lateGiftReveals,
            powerUpReveals: this.live.prediction.powerUpReveals,
            latePowerUpReveals: this.live.prediction.latePowerUpReveals,
            lateWithoutInput: this.live.prediction.lateWithoutInput,
            lateGiftsWithoutInput: this.live.prediction.lateGiftsWithoutInput,
            revealMargin: this.live.prediction.revealMargin,
            oneWayMs: this.live.oneWayMs,
          }
        : null,
      watching: this.watch?.data ?? null,
      watchSpeed: this.watch?.speed ?? 1,
      toPage: (p: Vec) => ({ x: rect.left + p.x * k, y: rect.top + p.y * k }),
      pageScale: k,
    };
  }
}

/** What the round scene shows, raw: the test build's probe turns it into its "round" report. */
export interface RoundSight {
  phase: string;
  seed: number;
  speed: number;
  round: RoundState;
  /** Positions after the last tick, world units. */
  at: Positions;
  field: FieldView;
  hud: RoundHud["texts"];
  muted: boolean;
  /** The mute button, screen units (top-left based). */
  mute: { x: number; y: number; width: number; height: number };
  stick: Stick | null;
  /** Where a followed finger has Santa heading (world units). */
  aim: Vec | null;
  /** Extra moving sprites (the test build's bench round adds them). */
  bench?: number;
  /** A live round's prediction, for the e2e (null: practice or Watch). */
  live: {
    largestCorrection: number;
    largestStep: number;
    snaps: number;
    largestFill: number;
    corrections: number;
    confirmedTick: number;
    serverScore: number;
    pausesLeft: number;
    /** Spawns revealed, and those that came at or after their tick on the field (late). */
    giftReveals: number;
    lateGiftReveals: number;
    powerUpReveals: number;
    latePowerUpReveals: number;
    /** Late ones whose draw the server played without this player's input (prediction.ts). */
    lateWithoutInput: number;
    lateGiftsWithoutInput: number;
    /** Ticks before their spawn's tick the reveals came: the least and the most. */
    revealMargin: { least: number; most: number } | null;
    /** The one-way delay the clock was set with (ms). */
    oneWayMs: number;
  } | null;
  watching: WatchData | null;
  watchSpeed: number;
  /** Screen → page (CSS pixels), and page pixels per screen unit. */
  toPage: (p: Vec) => Vec;
  pageScale: number;
}
