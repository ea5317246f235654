/**
 * A live round on a Nakama authoritative match (docs/realtime.md): the op codes and the
 * timing every client and the server agree on. Times are in simulation ticks (60 a second,
 * @gift-grab/simulation's TICKS_PER_SECOND) unless the name says ms.
 */

/** The match handler's name (registerMatch / nk.matchCreate). */
export const LIVE_ROUND_MATCH = "live_round";

/** Match data op codes: 1–9 client → server, 10–19 server → client. */
export const LiveOp = {
  /** The seat's inputs for the last few ticks (sent redundantly: a lost message costs nothing). */
  INPUT: 1,
  /** Ask to pause (1) or resume (0). */
  PAUSE: 2,
  /** The round's settings and the public state at a tick: on join, rejoin and at the start. */
  START: 10,
  /** Ticks the server has simulated: per seat the last input taken and the score; spawns revealed. */
  FRAME: 11,
  /** The round's clock stopped or runs again. */
  PAUSED: 12,
  /** The round is over: the server's score and what it wrote. */
  END: 13,
  /** A friend race's host asked for a rematch: the new match's id, to join next. */
  REMATCH: 14,
  /** A friend race's lobby before its start: who holds a seat and who is here. */
  LOBBY: 15,
  /** A friend race's lobby closed before its start (its maker made another, or it expired): why. */
  LOBBY_CLOSED: 16,
} as const;
export type LiveOp = (typeof LiveOp)[keyof typeof LiveOp];

export const LiveTiming = {
  /**
   * Match loops a second. 20 Hz is 3 simulation ticks a loop exactly, 50 ms between frames
   * (prediction hides them); at 60 Hz Nakama would wake each match three times as often for
   * the same work, and a late wakeup is a dropped tick (docs/realtime.md).
   */
  loopHz: 20,
  /** Simulation ticks per match loop. */
  ticksPerLoop: 3,
  /**
   * A race's FRAME every this many loops (10 a second), and at once for a reveal or the end:
   * the client predicts between frames, and each message a match sends costs the server.
   */
  frameEvery: 2,
  /**
   * A solo round's FRAME every this many loops (5 a second), and at once for a reveal or the
   * end: a solo client predicts its round exactly unless the server filled one of its ticks,
   * so a FRAME without a reveal only confirms; a race's FRAMEs bring the others' inputs.
   */
  soloFrameEvery: 4,
  /**
   * An input for tick T counts if it reaches the server at most this long after T's time on
   * the round's clock (12 ticks = 200 ms: half an RTT of 300 ms plus a loop); after that the
   * server has played T with the seat's last input.
   */
  lateTicks: 12,
  /** An input for a tick more than this ahead of the round's clock is refused (clock skew: 50 ms). */
  aheadTicks: 3,
  /** A power-up's appearance time is revealed this long before it appears (15 ticks = 250 ms). */
  leadTicks: 15,
  /** At most this many ticks in one INPUT message (half a second). */
  maxInputTicks: 30,
  /**
   * A client's INPUT cadence (inputDue): at most one a match loop while its input changes…
   * Each inbound message costs the server far more than its bytes (the socket read, Nakama's
   * JSON envelope and base64, routing to the match, the loop's handling): it was most of a
   * race's server CPU at 20 a second per seat.
   */
  inputChangeMs: 50,
  /**
   * …and a keep-alive this often while it holds: the server plays a tick once every seat's
   * input for it is in (or its late window closed), so a held input still has to come. Held,
   * its ticks reach the server up to this much later (still well inside lateTicks), and a
   * race's frames and reveals wait for them: ~25 ms later on average than at one a loop.
   */
  inputHoldMs: 100,
  /**
   * Ticks each INPUT repeats (18: three keep-alives' worth, 42 bytes): the next message covers
   * a lost or late one, and a held input filled late is the same input.
   */
  inputTicks: 18,
  /** INPUT messages a seat may send per match loop; more are dropped and counted. */
  maxInputsPerLoop: 6,
  /** A ranked round may pause this many times… */
  maxPauses: 2,
  /** …for at most this long each; then it resumes by itself. */
  maxPauseMs: 10_000,
  /** After a pause the clock runs again this long after the resume (the field shows first). */
  resumeDelayMs: 1_000,
  /** Before tick 0, after every seat has joined (a countdown). */
  startDelayMs: 3_000,
  /** A seat whose socket dropped gets it back within this long; then the round ends. */
  reconnectGraceMs: 10_000,
  /** After the end the match stays open this long (a rejoin still gets the result), then closes. */
  lingerMs: 5_000,
  /** A match nobody joins closes after this long. */
  joinTimeoutMs: 30_000,
  /** A race waits this long for its matched players, then bots take the empty seats. */
  raceJoinWaitMs: 10_000,
  /**
   * A race's FRAME carries every seat's inputs for the ticks it covers (so a client plays the
   * confirmed race exactly as the server did); a loop plays at most this many ticks of a race
   * and frames before more pile up, so a FRAME covers at most 2× this.
   */
  raceFrameTicks: 30,
} as const;

/**
 * Whether a client sends its INPUT now, `msSinceLast` after its last one: at most one a loop
 * while its input changed since the newest tick it sent, else one a keep-alive
 * (LiveTiming.inputChangeMs, inputHoldMs). The game and the bench's players both send so.
 */
export function inputDue(msSinceLast: number, changed: boolean): boolean {
  return msSinceLast >= (changed ? LiveTiming.inputChangeMs : LiveTiming.inputHoldMs);
}
