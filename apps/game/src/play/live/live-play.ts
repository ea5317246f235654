import {
  type EndMessage,
  type FrameMessage,
  inputDue,
  LiveTiming,
  type PausedMessage,
  type StartMessage,
} from "@gift-grab/contracts";
import type { RoundEvent } from "@gift-grab/simulation";
import { Emitter } from "../../net/emitter";
import { InputLog } from "../../net/live/input-log";
import type { LiveMatch } from "../../net/live/live-match";
import { LiveClock } from "./live-clock";
import { Prediction } from "./prediction";

/**
 * The clock's lead is a one-way delay less this. The estimate's error counts twice (the
 * anchor and the lead) and a minimum of round trips errs long: 60 ms keeps ticks inside the
 * ahead window up to 55 ms over (at 15 ms, up to 32: the e2e measured 2–56 ms over on this
 * loaded machine). Inputs reach the server this much after their tick is due, inside the
 * 200 ms window with a change's 50 ms cadence and a frame; a held input filled late is the
 * same input. Reveals don't wait for it: the server plays a tick as soon as its input is in.
 */
const LEAD_MARGIN_MS = 60;

/** A tick this close to its window's end counts as missing it (the send and the trip take time). */
const STALE_MARGIN_TICKS = 3;

export interface LivePlayEvents {
  paused: (m: PausedMessage) => void;
  end: (m: EndMessage) => void;
  lost: (why: "grace" | "gone" | "session") => void;
  link: (state: "away" | "back") => void;
}

/**
 * A live round as the round scene plays it: the server's clock (LiveClock), the player's
 * inputs predicted at once (Prediction) and sent redundantly (InputLog), the server's frames
 * reconciled, its pauses and its end passed on. The scene samples the player's input; this
 * decides which ticks it is for.
 */
export class LivePlay {
  readonly events = new Emitter<LivePlayEvents>();
  readonly clock: LiveClock;
  readonly prediction: Prediction;
  readonly log: InputLog;
  readonly seat: number;
  pausesLeft: number;
  ended: EndMessage | null = null;
  /** The one-way delay the clock was last set with (ms): the test build's probe reports it. */
  oneWayMs: number;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private filledSeen = 0;
  private sentTick = 0;
  private lastFrameAt: number;
  private readonly off: (() => void)[] = [];

  constructor(
    readonly match: LiveMatch,
    start: StartMessage,
    arrived: { receivedAt: number; oneWayMs: number },
    private readonly now: () => number,
  ) {
    this.seat = start.seat;
    this.pausesLeft = start.pausesLeft;
    // Pings may have measured a shorter round trip since START came.
    this.oneWayMs = match.oneWayMs ?? arrived.oneWayMs;
    this.clock = new LiveClock(start.ticks, leadFor(this.oneWayMs));
    this.clock.start(start.startInMs, arrived.receivedAt, this.oneWayMs);
    this.log = new InputLog(start.ticks);
    this.prediction = new Prediction(
      start.state,
      {
        ticks: start.ticks,
        orientation: start.orientation,
        seat: start.seat,
        seats: start.seats,
        rulesVersion: start.rulesVersion,
      },
      this.log,
    );
    this.lastFrameAt = now();
    const e = match.events;
    this.off.push(
      e.on("start", (m, t) => {
        // A rejoin: the server's round as it is now, and its clock.
        this.pausesLeft = m.pausesLeft;
        this.oneWayMs = t.oneWayMs;
        this.clock.setLead(leadFor(t.oneWayMs));
        this.clock.start(m.startInMs, t.receivedAt, t.oneWayMs);
        this.prediction.restart(m.state);
      }),
      e.on("frame", (m) => this.onFrame(m)),
      e.on("oneWay", (ms) => this.lowerOneWay(ms)),
      e.on("paused", (m, t) => {
        this.pausesLeft = m.pausesLeft;
        if (m.paused) this.clock.pause(m.tick);
        else this.clock.resume(m.tick, m.msLeft, t.receivedAt, t.oneWayMs);
        this.events.emit("paused", m);
      }),
      e.on("end", (m) => {
        this.ended = m;
        this.events.emit("end", m);
      }),
      e.on("lost", (why) => this.events.emit("lost", why)),
      e.on("link", (state) => this.events.emit("link", state)),
    );
    // Frames that came before this round was followed (the screen starts a frame later).
    for (const m of match.takeBacklog()) this.onFrame(m);
  }

  /**
   * A shorter round trip was measured: the clock falls back by what the estimate and its lead
   * came down, slowly (LiveClock.fallBack; a jump would play ticks' time twice), mostly in the
   * countdown. The first round trips are the likeliest to be long (a page busy opening the
   * round), and an estimate too long runs the player's ticks ahead of the server's: reveals
   * then come later on the player's clock, and inputs past the ahead window are refused.
   */
  private lowerOneWay(ms: number): void {
    if (ms >= this.oneWayMs) return;
    // A lead dropped (dropLead) stays dropped.
    const lead = this.clock.lead > 0 ? leadFor(ms) : 0;
    this.clock.fallBack(this.oneWayMs - ms + this.clock.lead - lead, this.now());
    this.oneWayMs = ms;
    this.clock.setLead(lead);
  }

  private onFrame(m: FrameMessage): void {
    this.prediction.reconcile(m);
    this.checkLead(m.seats[this.seat]?.filled ?? 0);
  }

  /**
   * The lead rests on an estimate of the one-way delay: too long, and the server refuses the
   * inputs as ahead of its clock, filling the ticks instead. Filled ticks piling up while inputs
   * go out mean that (or a bad network): the clock drops its lead and stays on the server's.
   */
  private checkLead(filled: number): void {
    const more = filled - this.filledSeen;
    this.filledSeen = filled;
    if (more > 2 * LiveTiming.lateTicks && this.clock.lead > 0) this.clock.dropLead();
  }

  /** ms until tick 0 (countdown), ≤ 0 once running. */
  msToStart(): number {
    return this.clock.msToStart(this.now());
  }

  get paused(): boolean {
    return this.clock.paused;
  }

  /**
   * Plays every tick due by now with the input `sample` gives for each, sends the newest
   * ticks, and fades the drawn correction. Returns what the predicted ticks did.
   */
  update(sample: () => { dx: number; dy: number }): { events: RoundEvent[]; ticks: number } {
    const now = this.now();
    this.clock.slew(now);
    const due = this.clock.dueTick(now);
    const p = this.prediction;
    const events: RoundEvent[] = [];
    let ticks = 0;
    // Ticks this late (a stalled page catching up) reach the server after their window: it
    // plays them with the last input it has, so they are predicted so, and sent so.
    const stale = due - LiveTiming.lateTicks + STALE_MARGIN_TICKS;
    while (p.predicted.tick < due && !p.predicted.over) {
      const t = p.predicted.tick + 1;
      const sampled = sample();
      const held = t <= stale ? this.log.at(t - 1) : null;
      const [dx, dy] = held ?? [sampled.dx, sampled.dy];
      this.log.record(t, dx, dy);
      for (const e of p.step(dx, dy)) events.push(e);
      ticks++;
    }
    // One INPUT a match loop at most while the input changes, a keep-alive while it holds
    // (inputDue): each message costs the server far more than its bytes. A predicted grab
    // sends at once: the server plays that tick, and reveals the next gift, only when the
    // tick's input is in, and a held input's could wait 100 ms (the spawn lead's budget).
    // So does the tick a power-up's place is drawn on (its time, told ahead, less the lead).
    const drawn = ticks > 0 && p.drawsIn(p.predicted.tick - ticks + 1, p.predicted.tick);
    const grabbed = drawn || events.some((e) => e.type === "grab");
    if (
      this.log.lastTick > this.sentTick &&
      (grabbed || inputDue(now - this.lastSentAt, this.log.changedSince(this.sentTick)))
    ) {
      const m = this.log.message(this.seat, due + LiveTiming.aheadTicks);
      if (m) {
        this.match.sendInput(m);
        this.sentTick = m.lastTick;
        this.lastSentAt = now;
      }
    }
    p.fade(now - this.lastFrameAt);
    this.lastFrameAt = now;
    return { events, ticks };
  }

  /** What the player asked for since the last frame (keys in one frame count once). */
  private wanted: boolean | null = null;

  /** The player wants the round paused (true) or running (false). */
  want(paused: boolean): void {
    this.wanted = paused;
  }

  /** Pause/Resume pressed: the opposite of what is wanted or, if nothing is, of the clock. */
  toggle(): void {
    this.wanted = !(this.wanted ?? this.clock.paused);
  }

  /**
   * Once a frame: asks the server for what the player wants, if it differs from the round's
   * state (the server decides: PAUSED says whether it did). "none_left": no pause is left.
   */
  flushPause(): "sent" | "none_left" | null {
    const wanted = this.wanted;
    if (wanted === null) return null;
    // Asked in the first moments of play, before the server's clock reaches tick 0 (this one
    // runs ahead of it): the server would drop it, so it waits for the server's start.
    if (!this.clock.serverRunning(this.now())) return null;
    this.wanted = null;
    if (wanted === this.clock.paused || this.ended) return null;
    if (wanted && this.pausesLeft <= 0) return "none_left";
    this.match.sendPause(wanted);
    return "sent";
  }

  /** Stops following the match, which stays joined (a friend race's results wait for a REMATCH on it). */
  detach(): void {
    for (const off of this.off.splice(0)) off();
  }

  /** Leaves the match: the round is over for this player. */
  leave(): void {
    this.detach();
    this.match.leave();
  }
}

/** Ahead of the server by a one-way delay, less a margin; never more than the ahead window allows. */
function leadFor(oneWayMs: number): number {
  const aheadMs = (LiveTiming.aheadTicks * 1000) / 60;
  return Math.min(Math.max(0, oneWayMs - LEAD_MARGIN_MS), 4 * aheadMs);
}
