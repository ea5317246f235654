import {
  decodePause,
  type EndMessage,
  encodeEnd,
  encodeFrame,
  encodePaused,
  encodeStart,
  type FrameMessage,
  INPUT_MOVES_AT,
  type InputRun,
  type InputView,
  LiveOp,
  LiveTiming,
  readInput,
  type SeatFrame,
  type StartPlayer,
} from "@gift-grab/contracts";
import {
  createRound,
  type Orientation,
  publicState,
  type RacePlayer,
  type RacerState,
  type Reveal,
  type RoundEvent,
  type RoundState,
  RULES_VERSION,
  racePlayer,
  revealTick,
  type SoloPlayer,
  soloPlayer,
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
  /** The socket it came from: only the one holding a seat is heard (a session is one user's). */
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
  /** The rules it plays (what players play now): its stored replay says so. */
  readonly rulesVersion = RULES_VERSION;
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
  /**
   * A PAUSE that came while the countdown still ran (the player's clock, a loop's length ahead
   * of this one, said the round had begun): granted as the round begins, not dropped.
   */
  private pauseAtStart = false;
  endedAt = 0;
  result: RoundResult | null = null;
  /** What the round's END said to each seat, once written (a rejoin gets it again). */
  endMessages: EndMessage[] | null = null;
  /** 2–4 Santas (playRace) rather than one (playInputs). */
  readonly race: boolean;
  /**
   * The simulation's state unpacked once for the whole round (a solo round's or a race's):
   * each loop plays its ticks on it and saves them into `sim`, instead of unpacking `sim`
   * every loop. Nothing else writes `sim`.
   */
  private readonly solo: SoloPlayer | null;
  private readonly racing: RacePlayer | null;
  private readonly bots: (Bot | null)[];
  private powerUpTimeRevealed: boolean[];
  /** The clock tick the next power-up's time is told at (revealTimes; 0: not worked out yet). */
  private nextTimeReveal = 0;
  /** By seat. */
  private readonly grabs: Grab[][];
  private readonly events: RoundEvent[] = [];
  /** Spawns to reveal in the loop's FRAME (emptied once framed). */
  private readonly reveals: Reveal[] = [];
  private loops = 0;
  /** The ticks a loop plays, per seat, run-length encoded (play()). */
  private readonly loopRuns: InputRun[][];
  /**
   * The run arrays loopRuns and `unframed` take, per seat, reused from loop to loop and frame to
   * frame (both are emptied once played or framed): in goja each array is an allocation.
   */
  private readonly loopPool: InputRun[][];
  private readonly framePool: InputRun[][];
  /** The FRAME's seats and message, rewritten for each FRAME (encoded at once). */
  private readonly frameSeats: SeatFrame[];
  private readonly frameMessage: FrameMessage;
  /** The INPUT being taken (readInput fills it: one message at a time). */
  private readonly input: InputView = { seat: 0, lastTick: 0, count: 0, bytes: new Int8Array(0) };
  /** The tick the last FRAME said. */
  private framedTick = 0;
  /**
   * A race's inputs played since the last FRAME, which carries them: per seat, run-length
   * encoded as they are played (a held direction is one run), so a client replays the
   * confirmed race exactly as played.
   */
  private readonly unframed: InputRun[][];
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
      version: this.rulesVersion,
    });
    this.race = init.users.length > 1;
    this.solo = this.race ? null : soloPlayer(this.sim);
    this.racing = this.race ? racePlayer(this.sim) : null;
    // A race doesn't pause: the others are playing (a PAUSE is dropped as paused_limit).
    if (this.race) this.pausesLeft = 0;
    this.seats = init.users.map((u, i) => createSeat(i, u, this.sim.ticks));
    this.bots = this.seats.map((s) => (this.race ? createBot(init.seed, s.index) : null));
    this.grabs = this.seats.map(() => []);
    this.unframed = this.seats.map(() => []);
    this.loopRuns = this.seats.map(() => []);
    this.loopPool = this.seats.map(() => []);
    this.framePool = this.seats.map(() => []);
    this.frameSeats = this.seats.map(() => ({ ackTick: 0, filled: 0, score: 0, x: 0, y: 0 }));
    this.frameMessage = { tick: 0, seats: this.frameSeats, reveals: this.reveals };
    if (this.race) this.frameMessage.inputs = this.unframed;
    this.powerUpTimeRevealed = this.sim.powerUps.map(() => false);
  }

  /**
   * How long before a power-up appears its time is told: leadTicks before its place is drawn
   * (spawnLead before it appears, rules version 2), so each client sends its input for the
   * draw's tick at once (live-play.ts) and the place's reveal isn't held by a keep-alive.
   */
  get timeLead(): number {
    return LiveTiming.leadTicks + this.sim.spawnLead;
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
        leadTicks: this.timeLead,
        lateTicks: LiveTiming.lateTicks,
        startInMs: this.phase === "countdown" ? this.startAt - now : -Math.round(e),
        pausesLeft: this.pausesLeft,
        rulesVersion: this.rulesVersion,
        state: publicState(this.sim, this.timeLead, this.clockTick(now)),
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
    this.receiveData(msg.sessionId, msg.opCode, msg.data, msg.receiveTimeMs, now, out);
  }

  /**
   * receive() with the message's fields as arguments: the match loop's path, which builds no
   * object a message (in goja each object and each property set costs).
   */
  receiveData(
    sessionId: string,
    opCode: number,
    data: unknown,
    receiveTimeMs: number | undefined,
    now: number,
    out: Outgoing[],
  ): void {
    const seat = this.seatOfSession(sessionId);
    if (!seat) return; // nobody's seat, or a replaced socket's last words
    const dropped = this.take(seat, opCode, data, receiveTimeMs, now, out);
    if (dropped) seat.dropped[dropped] += 1;
  }

  /** The seat this socket holds (a seat's socket is its own user's: join() gave it). */
  private seatOfSession(sessionId: string): Seat | undefined {
    const seats = this.seats;
    for (let i = 0; i < seats.length; i++) {
      const seat = seats[i] as Seat;
      if (seat.sessionId === sessionId && sessionId !== "") return seat;
    }
    return undefined;
  }

  /** Takes one message from a seat's socket; says why when it is dropped. */
  private take(
    seat: Seat,
    opCode: number,
    data: unknown,
    receiveTimeMs: number | undefined,
    now: number,
    out: Outgoing[],
  ): DropReason | null {
    if (opCode === LiveOp.INPUT) {
      if (seat.inputsThisLoop >= MAX_INPUTS_PER_LOOP) return "flood";
      seat.inputsThisLoop += 1;
      const input = readInput(data, this.input);
      if (!input) return "malformed";
      if (input.seat !== seat.index) return "other_seat";
      if (this.phase !== "running" && this.phase !== "countdown") return null;
      const at = typeof receiveTimeMs === "number" && receiveTimeMs > 0 ? receiveTimeMs : now;
      // biome-ignore lint/complexity/useMathMinMax: a comparison; in goja a call costs more
      const due = this.clockTick(at < now ? at : now);
      const sim = this.sim;
      const count = input.count;
      const first = input.lastTick - count + 1;
      // Ticks further ahead of the clock than aheadTicks are future input, refused; the rest
      // of the message is taken. A client whose clock leads a little too far (its one-way
      // delay over-estimated) then loses only its newest ticks, which its next message
      // repeats, rather than every message.
      let newest = due + AHEAD_TICKS;
      if (newest > sim.ticks) newest = sim.ticks;
      if (first > newest) return "ahead";
      seat.inputMessages += 1;
      // Already played, or past its window: the server played (or will play) the last input.
      const oldest = due - LATE_TICKS;
      let from = first;
      if (from <= sim.tick) from = sim.tick + 1;
      if (from < oldest) from = oldest;
      // biome-ignore lint/complexity/useMathMinMax: a comparison; in goja a call costs more
      const last = input.lastTick < newest ? input.lastTick : newest;
      const moves = input.bytes;
      const has = seat.has;
      const dx = seat.dx;
      const dy = seat.dy;
      for (let t = from; t <= last; t++) {
        const k = INPUT_MOVES_AT + 2 * (t - first);
        has[t] = 1;
        dx[t] = moves[k] as number;
        dy[t] = moves[k + 1] as number;
      }
      return null;
    }
    if (opCode === LiveOp.PAUSE) {
      const pause = decodePause(data);
      if (!pause) return "malformed";
      if (this.phase === "countdown") {
        if (this.pausesLeft <= 0) return "paused_limit";
        this.pauseAtStart = pause.pause;
        return null;
      }
      if (this.phase !== "running") return null;
      if (pause.pause && this.pausedAt === null) return this.pause(now, out);
      if (!pause.pause && this.pausedAt !== null) this.resume(now, out);
      return null;
    }
    return "wrong_op";
  }

  private pause(now: number, out: Outgoing[]): "paused_limit" | null {
    if (this.pausesLeft <= 0) return "paused_limit";
    this.pausesLeft -= 1;
    this.minElapsedMs = this.elapsedMs(now);
    this.pausedAt = now;
    out.push(this.pausedMessage(now, null));
    return null;
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
      if (this.pauseAtStart) this.pause(now, out);
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
    const sim = this.sim;
    if (this.race) this.botInputs(clock);
    if (this.reveals.length > 0) this.reveals.length = 0;
    // Each power-up's time, told timeLead before it appears (at most once each).
    if (clock >= this.nextTimeReveal) this.revealTimes(clock);
    // A race's loop plays at most raceFrameTicks (a long stall's closed ticks over the next
    // loops), so its FRAME's inputs stay bounded; a solo round's plays what is due.
    const ticks = sim.ticks;
    const most = this.race ? RACE_FRAME_TICKS : ticks;
    // Ticks up to `closed` are played whatever came; up to `ahead`, once every input is in.
    const closed = clock - LATE_TICKS;
    const ahead = clock + AHEAD_TICKS;
    const loopRuns = this.loopRuns;
    const loopPool = this.loopPool;
    let n = 0;
    for (let t = sim.tick + 1; t <= ticks && n < most; t++) {
      if (t > closed && !(t <= ahead && this.allInputsIn(t))) break;
      for (let i = 0; i < seats.length; i++) {
        const seat = seats[i] as Seat;
        takeInput(seat, t);
        extendPooled(
          loopRuns[i] as InputRun[],
          loopPool[i] as InputRun[],
          1,
          seat.lastDx,
          seat.lastDy,
        );
      }
      n += 1;
    }
    if (n > 0) this.play(n);
    // A frame every other loop in a race, every fourth in a solo round (the client predicts
    // between them), and at once when it reveals something, the round is over or a race's
    // unframed inputs pile up.
    this.loops += 1;
    const due =
      this.reveals.length > 0 ||
      this.sim.over ||
      this.loops % (this.race ? LiveTiming.frameEvery : LiveTiming.soloFrameEvery) === 0 ||
      this.unframedTicks >= LiveTiming.raceFrameTicks;
    if (due && (this.sim.tick !== this.framedTick || this.reveals.length > 0)) this.sendFrame(out);
    if (this.sim.over) this.finish("completed", now, out);
    return true;
  }

  /** Tells the times of the power-ups due now (their time is told timeLead before it comes). */
  private revealTimes(clock: number) {
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.sim.powerUps.length; i++) {
      const p = this.sim.powerUps[i];
      if (!p || this.powerUpTimeRevealed[i] || p.state !== "waiting") continue;
      const at = revealTick(p.appearAtTick, this.timeLead);
      if (clock >= at) {
        this.powerUpTimeRevealed[i] = true;
        this.reveals.push({ type: "power_up_time", index: i, appearAtTick: p.appearAtTick });
      } else if (at < next) next = at;
    }
    this.nextTimeReveal = next;
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

  private allInputsIn(t: number): boolean {
    const seats = this.seats;
    for (let i = 0; i < seats.length; i++) if ((seats[i] as Seat).has[t] !== 1) return false;
    return true;
  }

  /**
   * Plays the loop's n ticks, each seat's inputs in `loopRuns` (run-length: a held direction is
   * one run), in one call of the round's player: one call a loop, not one a tick. The runs go to each seat's log (the replay) and,
   * in a race, to the next FRAME; the spawns the ticks drew (grabs, power-ups appearing) are
   * revealed each at its tick, from the events.
   */
  private play(n: number) {
    const seats = this.seats;
    for (let i = 0; i < seats.length; i++) {
      const runs = this.loopRuns[i] as InputRun[];
      const log = (seats[i] as Seat).log;
      const unframed = this.unframed[i] as InputRun[];
      const pool = this.framePool[i] as InputRun[];
      for (let k = 0; k < runs.length; k++) {
        const run = runs[k] as InputRun;
        extendRuns(log, run[0], run[1], run[2]);
        if (this.race) extendPooled(unframed, pool, run[0], run[1], run[2]);
      }
    }
    if (this.race) this.unframedTicks += n;
    this.events.length = 0;
    if (this.racing) this.racing.play(this.loopRuns, n, this.events);
    else this.solo?.play(this.loopRuns[0] as InputRun[], this.events);
    (this.racing ?? (this.solo as SoloPlayer)).save();
    for (let k = 0; k < this.events.length; k++) {
      const e = this.events[k] as RoundEvent;
      if (e.type === "grab")
        // When, and the way from the Santa who grabbed to the gift that appeared for it.
        this.grabs[e.seat ?? 0]?.push({
          tick: e.tick,
          toGiftX: e.next.x - e.by.x,
          toGiftY: e.next.y - e.by.y,
        });
    }
    spawnsOf(this.events, this.reveals);
    for (let i = 0; i < this.loopRuns.length; i++) (this.loopRuns[i] as InputRun[]).length = 0;
  }

  /** Plays tick t with each seat's input (or, standing still, with none: an abandoned round). */
  private step(t: number, standStill = false) {
    for (let i = 0; i < this.seats.length; i++) {
      const s = this.seats[i] as Seat;
      if (!standStill) takeInput(s, t);
      else {
        s.lastDx = 0;
        s.lastDy = 0;
      }
      extendPooled(
        this.loopRuns[i] as InputRun[],
        this.loopPool[i] as InputRun[],
        1,
        s.lastDx,
        s.lastDy,
      );
    }
    this.play(1);
  }

  /** Sends a FRAME up to the tick played; what it carries (reveals, inputs) is not sent again. */
  private sendFrame(out: Outgoing[]) {
    out.push(this.frame());
    this.framedTick = this.sim.tick;
    this.unframedTicks = 0;
    // Encoded: the runs are the next FRAME's from here.
    for (let i = 0; i < this.unframed.length; i++) (this.unframed[i] as InputRun[]).length = 0;
    this.reveals.length = 0;
  }

  private frame(): Outgoing {
    const s = this.sim;
    for (let i = 0; i < this.seats.length; i++) {
      const seat = this.seats[i] as Seat;
      const f = this.frameSeats[i] as SeatFrame;
      f.ackTick = seat.ackTick;
      f.filled = seat.filled;
      if (i === 0) {
        f.score = s.score;
        f.x = s.santa.x;
        f.y = s.santa.y;
      } else {
        const santa = s.others[i - 1] as RacerState;
        f.score = santa.score;
        f.x = santa.x;
        f.y = santa.y;
      }
    }
    this.frameMessage.tick = s.tick;
    return { op: LiveOp.FRAME, to: null, data: encodeFrame(this.frameMessage) };
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

/** extendRuns with a new run's array taken from `pool` (the run arrays `runs` held before it was emptied). */
function extendPooled(runs: InputRun[], pool: InputRun[], n: number, dx: number, dy: number) {
  const k = runs.length;
  const last = runs[k - 1];
  if (last !== undefined && last[1] === dx && last[2] === dy) {
    last[0] += n;
    return;
  }
  let run = pool[k];
  if (run === undefined) {
    run = [n, dx, dy];
    pool.push(run);
  } else {
    run[0] = n;
    run[1] = dx;
    run[2] = dy;
  }
  runs.push(run);
}

// LiveTiming's numbers the loop reads (a module constant is one lookup, a property two).
const LATE_TICKS = LiveTiming.lateTicks;
const MAX_INPUTS_PER_LOOP = LiveTiming.maxInputsPerLoop;
const AHEAD_TICKS = LiveTiming.aheadTicks;
const RACE_FRAME_TICKS = LiveTiming.raceFrameTicks;

/** `n` ticks of (dx, dy) at the end of run-length inputs: a held direction lengthens its run. */
function extendRuns(runs: InputRun[], n: number, dx: number, dy: number): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last[1] === dx && last[2] === dy) last[0] += n;
  else runs.push([n, dx, dy]);
}
