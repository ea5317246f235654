import {
  decodeInput,
  decodePause,
  type EndMessage,
  encodeEnd,
  encodeFrame,
  encodePaused,
  encodeStart,
  type FrameMessage,
  LiveOp,
  LiveTiming,
  type SeatFrame,
  type StartPlayer,
} from "@gift-grab/contracts";
import {
  appendInput,
  createRound,
  type Orientation,
  playInputs,
  playRace,
  publicState,
  type RacerState,
  type Reveal,
  type RoundEvent,
  type RoundState,
  restoreState,
  revealTick,
  saveState,
  spawnsOf,
} from "@gift-grab/simulation";
import { type Bot, createBot, decide } from "./bot";
import type { LiveConfig } from "./config";
import type { Grab } from "./plausibility";
import { createSeat, type DropReason, type Seat, type SeatUser, takeInput } from "./seat";

/**
 * One live round, with no Nakama in it: the match handler (match.ts) feeds it joins, leaves,
 * messages and the wall clock, and sends what it returns. Everything here is deterministic
 * given those, so a test can drive a whole round in Node and in goja and compare.
 *
 * The round's clock: tick T is due at startAt + pausedMs + T·1000/60. An input for T counts
 * if it arrives no later than lateTicks after that and no earlier than aheadTicks before;
 * the server plays T as soon as every seat's input for it is in, or when its late window
 * closes (with the seat's last input). So nothing a client sends can lengthen the round: it
 * ends at most lateTicks after its last tick is due, plus the pauses, which are few and short.
 *
 * One seat is a solo round (the simulation's playInputs); 2–4 seats are a race (playRace), each
 * seat driving its Santa. A race's empty seats are bots (bot.ts), played by the server; a race
 * player away past the reconnect grace is taken over by a bot until the player rejoins. A
 * race ends "abandoned" only when no player is left.
 */
export type Phase = "waiting" | "countdown" | "running" | "over";

export interface Outgoing {
  op: number;
  data: ArrayBuffer;
  /** Seat indexes to send to; null: every seat with a socket. */
  to: number[] | null;
}

export interface IncomingMessage {
  userId: string;
  sessionId: string;
  opCode: number;
  data: unknown;
  /** When Nakama received it (ms), if known; else the loop's time. */
  receiveTimeMs?: number;
}

export interface SantaResult {
  score: number;
  gifts: number;
  power_ups_used: number;
  /** Each gift this Santa grabbed: when, and where the next gift appeared (plausibility). */
  grabs: Grab[];
}

/** Seat 0's result in the top-level fields (a solo round's), every seat's in `santas`. */
export interface RoundResult extends SantaResult {
  reason: EndMessage["reason"];
  ticksPlayed: number;
  santas: SantaResult[];
}

export interface LiveRoundInit {
  seed: number;
  orientation: Orientation;
  /** One per seat (1: solo; 2–4: a race, bots marked). */
  users: SeatUser[];
  config: LiveConfig;
  now: number;
}

export class LiveRound {
  readonly seed: number;
  readonly orientation: Orientation;
  readonly config: LiveConfig;
  readonly sim: RoundState;
  readonly seats: Seat[];
  readonly createdAt: number;
  phase: Phase = "waiting";
  /** Wall time of tick 0 (set when every seat has joined). */
  startAt = 0;
  /** Time the clock stood still (pauses, resume delays), ms. */
  pausedMs = 0;
  pausedAt: number | null = null;
  /** The clock never reads less than this (it stood still here during a pause). */
  minElapsedMs = 0;
  pausesLeft: number = LiveTiming.maxPauses;
  endedAt = 0;
  result: RoundResult | null = null;
  /** What the round's END said to each seat, once written (a rejoin gets it again). */
  endMessages: EndMessage[] | null = null;
  /** 2–4 Santas (playRace) rather than one (playInputs). */
  readonly race: boolean;
  private readonly bots: (Bot | null)[];
  private powerUpTimeRevealed: boolean[];
  /** By seat. */
  private readonly grabs: Grab[][];
  private readonly events: RoundEvent[] = [];
  private reveals: Reveal[] = [];
  private loops = 0;
  /** The ticks a loop plays: dx, dy per tick and seat (tick k, seat i at 2·(k·seats + i)). */
  private batch: number[] = [];
  private saved: number[] = [];
  /** The tick the last FRAME said. */
  private framedTick = 0;
  /**
   * A race's inputs played since the last FRAME, which carries them (tick k after it, seat i
   * at 2·(k·seats + i), as `batch`): a client replays the confirmed race exactly as played.
   */
  private unframed: number[] = [];
  private unframedTicks = 0;

  constructor(init: LiveRoundInit) {
    this.seed = init.seed;
    this.orientation = init.orientation;
    this.config = init.config;
    this.createdAt = init.now;
    this.sim = createRound({
      seed: init.seed,
      durationMs: init.config.durationMs,
      orientation: init.orientation,
      santas: init.users.length,
    });
    this.race = init.users.length > 1;
    // A race doesn't pause: the others are playing (a PAUSE is dropped as paused_limit).
    if (this.race) this.pausesLeft = 0;
    this.seats = init.users.map((u, i) => createSeat(i, u, this.sim.ticks));
    this.bots = this.seats.map((s) => (this.race ? createBot(init.seed, s.index) : null));
    this.grabs = this.seats.map(() => []);
    this.powerUpTimeRevealed = this.sim.powerUps.map(() => false);
  }

  /** The END this seat got, if the round's result is written. */
  get endMessage(): EndMessage | null {
    return this.endMessages?.[0] ?? null;
  }

  seatOf(userId: string): Seat | undefined {
    if (userId === "") return undefined;
    for (let i = 0; i < this.seats.length; i++) {
      const seat = this.seats[i] as Seat;
      if (!seat.bot && seat.userId === userId) return seat;
    }
    return undefined;
  }

  /** Only a seat's own user may join, and not once the round's result is written and sent. */
  mayJoin(userId: string): boolean {
    return this.seatOf(userId) !== undefined;
  }

  /** The round's clock, in ms since tick 0 (negative during the countdown). */
  elapsedMs(now: number): number {
    if (this.phase === "waiting") return -1;
    const at = this.pausedAt ?? now;
    return Math.max(this.minElapsedMs, at - this.startAt - this.pausedMs);
  }

  /** The last tick due on the round's clock. */
  clockTick(now: number): number {
    const e = this.elapsedMs(now);
    return e < 0 ? 0 : Math.floor((e * 60) / 1000);
  }

  /**
   * A socket took the seat (first join or rejoin; it replaces any other socket of that user).
   * Returns the session it replaced, to be kicked, and what to send.
   */
  join(userId: string, sessionId: string, client: string, now: number) {
    const seat = this.seatOf(userId);
    if (!seat) return { replaced: null, out: [] as Outgoing[] };
    const replaced = seat.sessionId !== sessionId ? seat.sessionId : null;
    seat.sessionId = sessionId;
    seat.joined = true;
    seat.droppedAt = null;
    seat.client = client;
    seat.botDriven = false;
    const out: Outgoing[] = [];
    if (this.phase === "waiting") {
      // A race's START goes to every seat at once, when the last one is taken.
      if (this.seats.every((s) => s.joined)) this.begin(now, out);
    } else {
      out.push(this.startFor(seat, now));
      if (this.pausedAt !== null) out.push(this.pausedMessage(now, [seat.index]));
      const end = this.endMessages?.[seat.index];
      if (end) out.push({ op: LiveOp.END, data: encodeEnd(end), to: [seat.index] });
    }
    return { replaced, out };
  }

  /** The countdown starts: every seat gets START. */
  private begin(now: number, out: Outgoing[]) {
    this.phase = "countdown";
    this.startAt = now + this.config.startDelayMs;
    for (const s of this.seats) out.push(this.startFor(s, now));
  }

  /** A socket left (closed, dropped or kicked); the seat waits for a rejoin. */
  leave(userId: string, sessionId: string, now: number): void {
    const seat = this.seatOf(userId);
    if (!seat || seat.sessionId !== sessionId) return;
    seat.sessionId = null;
    seat.droppedAt = now;
  }

  private startFor(seat: Seat, now: number): Outgoing {
    const e = this.elapsedMs(now);
    return {
      op: LiveOp.START,
      to: [seat.index],
      data: encodeStart({
        seat: seat.index,
        seats: this.seats.length,
        ticks: this.sim.ticks,
        orientation: this.orientation,
        leadTicks: LiveTiming.leadTicks,
        lateTicks: LiveTiming.lateTicks,
        startInMs: this.phase === "countdown" ? this.startAt - now : -Math.round(e),
        pausesLeft: this.pausesLeft,
        state: publicState(this.sim, LiveTiming.leadTicks, this.clockTick(now)),
        ...(this.race ? { players: this.players() } : {}),
      }),
    };
  }

  /** Each seat's name and whether the server plays it now (START). */
  players(): StartPlayer[] {
    return this.seats.map((s) => ({ name: s.name, bot: s.botDriven }));
  }

  private pausedMessage(now: number, to: number[] | null): Outgoing {
    const paused = this.pausedAt !== null;
    return {
      op: LiveOp.PAUSED,
      to,
      data: encodePaused({
        paused,
        pausesLeft: this.pausesLeft,
        tick: this.clockTick(now),
        msLeft: paused
          ? (this.pausedAt as number) + LiveTiming.maxPauseMs - now
          : LiveTiming.resumeDelayMs,
      }),
    };
  }

  /**
   * One client message. Whatever it holds, it is parsed before anything else and, if it is
   * not exactly what its sender may send now, dropped and counted.
   */
  receive(msg: IncomingMessage, now: number, out: Outgoing[]): void {
    const seat = this.seatOf(msg.userId);
    if (!seat || seat.sessionId !== msg.sessionId) return; // a replaced socket's last words
    const dropped = this.take(seat, msg, now, out);
    if (dropped) seat.dropped[dropped] += 1;
  }

  /** Takes one message from a seat's socket; says why when it is dropped. */
  private take(seat: Seat, msg: IncomingMessage, now: number, out: Outgoing[]): DropReason | null {
    if (msg.opCode === LiveOp.INPUT) {
      if (seat.inputsThisLoop >= LiveTiming.maxInputsPerLoop) return "flood";
      seat.inputsThisLoop += 1;
      const input = decodeInput(msg.data);
      if (!input) return "malformed";
      if (input.seat !== seat.index) return "other_seat";
      if (this.phase !== "running" && this.phase !== "countdown") return null;
      const at =
        typeof msg.receiveTimeMs === "number" && msg.receiveTimeMs > 0 ? msg.receiveTimeMs : now;
      const due = this.clockTick(Math.min(at, now));
      if (input.lastTick > due + LiveTiming.aheadTicks || input.lastTick > this.sim.ticks)
        return "ahead";
      seat.inputMessages += 1;
      const first = input.lastTick - input.inputs.length + 1;
      for (let i = 0; i < input.inputs.length; i++) {
        const t = first + i;
        // Already played, or past its window: the server played (or will play) the last input.
        if (t <= this.sim.tick || t < due - LiveTiming.lateTicks) continue;
        const pair = input.inputs[i] as [number, number];
        seat.has[t] = 1;
        seat.dx[t] = pair[0];
        seat.dy[t] = pair[1];
      }
      return null;
    }
    if (msg.opCode === LiveOp.PAUSE) {
      const pause = decodePause(msg.data);
      if (!pause) return "malformed";
      if (this.phase !== "running") return null;
      if (pause.pause && this.pausedAt === null) {
        if (this.pausesLeft <= 0) return "paused_limit";
        this.pausesLeft -= 1;
        this.minElapsedMs = this.elapsedMs(now);
        this.pausedAt = now;
        out.push(this.pausedMessage(now, null));
      } else if (!pause.pause && this.pausedAt !== null) this.resume(now, out);
      return null;
    }
    return "wrong_op";
  }

  private resume(now: number, out: Outgoing[]) {
    // The clock runs again after the resume delay: the field shows before play goes on. A
    // pause counts for maxPauseMs at most, whenever the loop gets to end it.
    const pausedAt = this.pausedAt as number;
    const resumedAt = Math.min(now, pausedAt + LiveTiming.maxPauseMs);
    this.pausedMs += resumedAt - pausedAt + LiveTiming.resumeDelayMs;
    this.pausedAt = null;
    out.push(this.pausedMessage(now, null));
  }

  /**
   * The match loop: plays every tick whose inputs are in or whose window has closed, sends
   * what the players may now know, ends the round when it is over or abandoned. Returns
   * false when the match should close.
   */
  advance(now: number, out: Outgoing[]): boolean {
    // Indexed loops and no closures on the per-loop path: goja's for-of and callbacks cost.
    const seats = this.seats;
    for (let i = 0; i < seats.length; i++) (seats[i] as Seat).inputsThisLoop = 0;
    if (this.phase === "waiting") {
      // A race whose matched player doesn't come: past the join wait, with someone in, a bot
      // takes each empty seat and the race begins.
      const waited = now - this.createdAt;
      if (
        this.race &&
        waited >= this.config.raceJoinWaitMs &&
        seats.some((s) => s.joined && !s.bot)
      ) {
        for (let i = 0; i < seats.length; i++) {
          const seat = seats[i] as Seat;
          if (seat.joined) continue;
          seat.joined = true;
          seat.botDriven = true;
        }
        this.begin(now, out);
        return true;
      }
      return waited < this.config.joinTimeoutMs;
    }
    if (this.phase === "over") {
      const anyone = this.seats.some((s) => s.sessionId !== null);
      return anyone && now - this.endedAt < this.config.lingerMs;
    }
    if (this.phase === "countdown") {
      if (now < this.startAt) return true;
      this.phase = "running";
    }
    if (this.pausedAt !== null && now - this.pausedAt >= LiveTiming.maxPauseMs)
      this.resume(now, out);

    // A seat away longer than the grace: a solo round ends with what the server has; in a
    // race a bot takes the seat over, and the race ends only when no player is left.
    let players = 0;
    for (let i = 0; i < seats.length; i++) {
      const seat = seats[i] as Seat;
      const away = seat.droppedAt;
      if (away !== null && !seat.botDriven && now - away >= this.config.reconnectGraceMs) {
        if (!this.race) {
          this.finish("abandoned", now, out);
          return true;
        }
        seat.botDriven = true;
      }
      if (!seat.bot && !seat.botDriven) players += 1;
    }
    if (this.race && players === 0) {
      this.finish("abandoned", now, out);
      return true;
    }

    const clock = this.clockTick(now);
    if (this.race) this.botInputs(clock);
    if (this.reveals.length > 0) this.reveals = [];
    for (let i = 0; i < this.sim.powerUps.length; i++) {
      const p = this.sim.powerUps[i];
      if (!p || this.powerUpTimeRevealed[i] || p.state !== "waiting") continue;
      if (clock >= revealTick(p.appearAtTick, LiveTiming.leadTicks)) {
        this.powerUpTimeRevealed[i] = true;
        this.reveals.push({ type: "power_up_time", index: i, appearAtTick: p.appearAtTick });
      }
    }
    // A race's loop plays at most raceFrameTicks (a long stall's closed ticks over the next
    // loops), so its FRAME's inputs stay bounded; a solo round's plays what is due.
    const most = this.race ? LiveTiming.raceFrameTicks : this.sim.ticks;
    let n = 0;
    for (let t = this.sim.tick + 1; t <= this.sim.ticks && n < most; t++) {
      const closed = t <= clock - LiveTiming.lateTicks;
      if (!closed && !(t <= clock + LiveTiming.aheadTicks && this.allInputsIn(t))) break;
      for (let i = 0; i < seats.length; i++) {
        const seat = seats[i] as Seat;
        takeInput(seat, t);
        const o = 2 * (n * seats.length + i);
        this.batch[o] = seat.lastDx;
        this.batch[o + 1] = seat.lastDy;
      }
      n += 1;
    }
    if (n > 0) {
      if (this.race) this.keepInputs(n);
      this.play(n);
    }
    // A frame every other loop (10 a second: the client predicts between them), and at once
    // when it reveals something, the round is over or a race's unframed inputs pile up.
    this.loops += 1;
    const due =
      this.reveals.length > 0 ||
      this.sim.over ||
      this.loops % LiveTiming.frameEvery === 0 ||
      this.unframedTicks >= LiveTiming.raceFrameTicks;
    if (due && (this.sim.tick !== this.framedTick || this.reveals.length > 0)) this.sendFrame(out);
    if (this.sim.over) this.finish("completed", now, out);
    return true;
  }

  /**
   * The bots' inputs for the ticks this loop may play: each decides once from the state the
   * server has simulated. A seat a bot took over keeps any input its player sent before.
   */
  private botInputs(clock: number) {
    const seats = this.seats;
    const last = Math.min(this.sim.ticks, clock + LiveTiming.aheadTicks);
    for (let i = 0; i < seats.length; i++) {
      const seat = seats[i] as Seat;
      const bot = this.bots[i];
      if (!seat.botDriven || !bot) continue;
      decide(bot, this.sim, i);
      for (let t = this.sim.tick + 1; t <= last; t++) {
        if (seat.has[t] === 1) continue;
        seat.has[t] = 1;
        seat.dx[t] = bot.dx;
        seat.dy[t] = bot.dy;
      }
    }
  }

  /** A race: the loop's n ticks of inputs (`batch`) go into the next FRAME. */
  private keepInputs(n: number) {
    const from = 2 * this.unframedTicks * this.seats.length;
    const count = 2 * n * this.seats.length;
    for (let k = 0; k < count; k++) this.unframed[from + k] = this.batch[k] as number;
    this.unframedTicks += n;
  }

  private allInputsIn(t: number): boolean {
    const seats = this.seats;
    for (let i = 0; i < seats.length; i++) if ((seats[i] as Seat).has[t] !== 1) return false;
    return true;
  }

  /**
   * Plays the loop's n ticks (inputs in `batch`) in one playInputs call: per call it unpacks
   * the state, so one call a loop instead of one a tick. When something spawned (a grab, a
   * power-up), it goes back and plays them one by one to reveal each at its tick.
   */
  private play(n: number) {
    if (this.race) {
      this.playRaceTicks(n);
      return;
    }
    const runs: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      const dx = this.batch[2 * i] as number;
      const dy = this.batch[2 * i + 1] as number;
      const last = runs[runs.length - 1];
      if (last && last[1] === dx && last[2] === dy) last[0] += 1;
      else runs.push([1, dx, dy]);
    }
    saveState(this.sim, this.saved);
    this.events.length = 0;
    playInputs(this.sim, runs, this.events);
    if (!drewSpawns(this.events)) return;
    restoreState(this.sim, this.saved);
    for (let i = 0; i < n; i++) {
      this.events.length = 0;
      playInputs(
        this.sim,
        [[1, this.batch[2 * i] as number, this.batch[2 * i + 1] as number]],
        this.events,
      );
      for (const e of this.events) if (e.type === "grab") this.grabbed(0);
      spawnsOf(this.sim, this.events, this.reveals);
    }
  }

  /** play() for a race: the same, with one run-length list per seat (playRace). */
  private playRaceTicks(n: number) {
    const seats = this.seats.length;
    const runs: [number, number, number][][] = [];
    for (let i = 0; i < seats; i++) {
      const mine: [number, number, number][] = [];
      for (let k = 0; k < n; k++) {
        const o = 2 * (k * seats + i);
        const dx = this.batch[o] as number;
        const dy = this.batch[o + 1] as number;
        const last = mine[mine.length - 1];
        if (last && last[1] === dx && last[2] === dy) last[0] += 1;
        else mine.push([1, dx, dy]);
      }
      runs.push(mine);
    }
    saveState(this.sim, this.saved);
    this.events.length = 0;
    playRace(this.sim, runs, n, this.events);
    if (!drewSpawns(this.events)) return;
    restoreState(this.sim, this.saved);
    for (let k = 0; k < n; k++) {
      const tick: [number, number, number][][] = [];
      for (let i = 0; i < seats; i++) {
        const o = 2 * (k * seats + i);
        tick.push([[1, this.batch[o] as number, this.batch[o + 1] as number]]);
      }
      this.playRaceTick(tick);
    }
  }

  private playRaceTick(inputs: [number, number, number][][]) {
    this.events.length = 0;
    playRace(this.sim, inputs, 1, this.events);
    for (const e of this.events) if (e.type === "grab") this.grabbed(e.seat ?? 0);
    spawnsOf(this.sim, this.events, this.reveals);
  }

  /** Plays tick t with each seat's input (or, standing still, with none: an abandoned round). */
  private step(t: number, standStill = false) {
    for (const s of this.seats) {
      if (!standStill) takeInput(s, t);
      else {
        s.lastDx = 0;
        s.lastDy = 0;
        appendInput(s.log, 0, 0);
      }
    }
    if (this.race) {
      const from = 2 * this.unframedTicks * this.seats.length;
      for (let i = 0; i < this.seats.length; i++) {
        const s = this.seats[i] as Seat;
        this.unframed[from + 2 * i] = s.lastDx;
        this.unframed[from + 2 * i + 1] = s.lastDy;
      }
      this.unframedTicks += 1;
      this.playRaceTick(this.seats.map((s) => [[1, s.lastDx, s.lastDy]]));
      return;
    }
    const seat = this.seats[0] as Seat;
    this.events.length = 0;
    playInputs(this.sim, [[1, seat.lastDx, seat.lastDy]], this.events);
    for (const e of this.events) if (e.type === "grab") this.grabbed(0);
    spawnsOf(this.sim, this.events, this.reveals);
  }

  /**
   * Seat `seat`'s Santa grabbed a gift in the tick just played: the tick, and the way from
   * him to the gift that appeared for it (the simulation draws it at the grab).
   */
  private grabbed(seat: number) {
    const santa = seat === 0 ? this.sim.santa : this.sim.others[seat - 1];
    if (!santa) return;
    this.grabs[seat]?.push({
      tick: this.sim.tick,
      toGiftX: this.sim.gift.x - santa.x,
      toGiftY: this.sim.gift.y - santa.y,
    });
  }

  /** Sends a FRAME up to the tick played; what it carries (reveals, inputs) is not sent again. */
  private sendFrame(out: Outgoing[]) {
    out.push(this.frame());
    this.framedTick = this.sim.tick;
    this.unframedTicks = 0;
    this.reveals = [];
  }

  private frame(): Outgoing {
    const s = this.sim;
    const seats: SeatFrame[] = [];
    for (let i = 0; i < this.seats.length; i++) {
      const seat = this.seats[i] as Seat;
      const santa = i === 0 ? null : (s.others[i - 1] as RacerState);
      seats.push({
        ackTick: seat.ackTick,
        filled: seat.filled,
        score: santa ? santa.score : s.score,
        x: santa ? santa.x : s.santa.x,
        y: santa ? santa.y : s.santa.y,
      });
    }
    const m: FrameMessage = { tick: s.tick, seats, reveals: this.reveals };
    if (this.race) m.inputs = this.frameInputs();
    return { op: LiveOp.FRAME, to: null, data: encodeFrame(m) };
  }

  /** The unframed ticks' inputs by seat, as FRAME carries them. */
  private frameInputs(): [number, number][][] {
    const seats = this.seats.length;
    const inputs: [number, number][][] = [];
    for (let i = 0; i < seats; i++) {
      const mine: [number, number][] = [];
      for (let k = 0; k < this.unframedTicks; k++) {
        const o = 2 * (k * seats + i);
        mine.push([this.unframed[o] as number, this.unframed[o + 1] as number]);
      }
      inputs.push(mine);
    }
    return inputs;
  }

  /** Ends the round: an abandoned one is played out standing still, so its replay is whole. */
  private finish(reason: RoundResult["reason"], now: number, out: Outgoing[]) {
    const ticksPlayed = this.sim.tick;
    while (!this.sim.over) {
      this.step(this.sim.tick + 1, true);
      // A race's FRAMEs carry every tick played, these too, a bounded number at a time.
      if (this.race && this.unframedTicks >= LiveTiming.raceFrameTicks) this.sendFrame(out);
    }
    this.phase = "over";
    this.endedAt = now;
    const santas: SantaResult[] = [];
    for (let i = 0; i < this.seats.length; i++) {
      const r = i === 0 ? null : (this.sim.others[i - 1] as RacerState);
      santas.push({
        score: r ? r.score : this.sim.score,
        gifts: r ? r.gifts : this.sim.gifts,
        power_ups_used: r ? r.powerUpsUsed : this.sim.powerUpsUsed,
        grabs: this.grabs[i] ?? [],
      });
    }
    this.result = { reason, ticksPlayed, santas, ...(santas[0] as SantaResult) };
    if (this.reveals.length > 0 || (this.race && this.sim.tick !== this.framedTick))
      this.sendFrame(out);
  }

  /**
   * Sends the END once the result is written (match.ts writes it between finish and this):
   * one per seat (`ends[seat]`), each seat its own.
   */
  ended(ends: EndMessage[], out: Outgoing[]) {
    this.endMessages = ends;
    for (let i = 0; i < ends.length; i++)
      out.push({ op: LiveOp.END, data: encodeEnd(ends[i] as EndMessage), to: [i] });
  }
}

/** A loop's events drew from the RNG: a grab places the next gift, an appearance a power-up. */
function drewSpawns(events: readonly RoundEvent[]): boolean {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RoundEvent;
    if (e.type === "grab" || e.type === "powerup_appear") return true;
  }
  return false;
}
