import type {
  InputRun,
  MoverView,
  PowerUpView,
  PublicState,
  Reveal,
  RulesVersion,
  SantaView,
} from "@gift-grab/simulation";
import { LiveOp, LiveTiming } from "./live-round";

export { UNREVEALED } from "@gift-grab/simulation";
export type { InputRun, MoverView, PowerUpView, PublicState, Reveal, SantaView };

/**
 * The live round's wire format: little-endian binary, one message per op code
 * (docs/realtime.md has the table). Decoders take untrusted bytes and return null for
 * anything that is not exactly a well-formed message: wrong length, a count out of bounds,
 * a value out of range. They never throw. Runs in V8 and goja (DataView only).
 */

export type Bytes = ArrayBuffer | Uint8Array;

/**
 * The largest message either side sends: a race's FRAME at its worst (60 ticks, every seat
 * turning on every tick: 6 + 64 + 1 + 4 × 181 = 795 bytes, plus its reveals) is under it; the
 * START of 4 seats is far below it. A client's messages are bounded tighter (INPUT: 66 bytes).
 */
export const MAX_MESSAGE_BYTES = 2048;

const LOOKS = ["idle", "left", "right", "frozen"] as const;
const POWER_UP_KINDS = ["flame", "cookie"] as const;
const POWER_UP_STATES = ["waiting", "active", "taken", "coming"] as const;
const ORIENTATIONS = ["landscape", "portrait"] as const;
const END_REASONS = ["completed", "abandoned", "failed"] as const;
/**
 * Why a friend race's lobby closed before its start: its maker made another lobby
 * (`host_closed`), or nobody started it within RaceLobby.ttlMs (`expired`).
 */
export const LOBBY_CLOSED_REASONS = ["host_closed", "expired"] as const;
export type LobbyClosedReason = (typeof LOBBY_CLOSED_REASONS)[number];
const MAX_SEATS = 4;
const INPUT_LIMIT = 100;

export interface InputMessage {
  seat: number;
  /** The last tick these inputs are for; inputs[i] is for tick lastTick - (n - 1) + i. */
  lastTick: number;
  /** [dx, dy] per tick, each an integer in ±100. */
  inputs: [number, number][];
}

export interface StartMessage {
  seat: number;
  seats: number;
  ticks: number;
  orientation: (typeof ORIENTATIONS)[number];
  leadTicks: number;
  lateTicks: number;
  /** ms until tick 0 on the server's clock when sent (negative: the round is running). */
  startInMs: number;
  pausesLeft: number;
  /** The rules the round is played under (the simulation's RulesVersion). */
  rulesVersion: RulesVersion;
  state: PublicState;
  /**
   * A race's players by seat: the name shown over each Santa and whether the server plays it
   * (a bot). Absent in a solo round (its START is the same bytes as before races).
   */
  players?: StartPlayer[];
}

export interface StartPlayer {
  /** At most MAX_NAME_CHARS characters (longer names are cut). */
  name: string;
  bot: boolean;
}

/** The longest name a START carries per seat, in UTF-16 code units. */
export const MAX_NAME_CHARS = 20;

export interface SeatFrame {
  /** The last tick whose input the server took from this seat (0: none yet). */
  ackTick: number;
  /** Ticks so far the server played with the seat's last input because none came in time. */
  filled: number;
  score: number;
  x: number;
  y: number;
}

export interface FrameMessage {
  /** The server has simulated every tick up to this one. */
  tick: number;
  seats: SeatFrame[];
  reveals: Reveal[];
  /**
   * A race's: the input each seat's Santa was played with, run-length encoded as a round's
   * inputs are (`[ticks, dx, dy]`: the direction held that many ticks), for the last
   * frameInputTicks(inputs) ticks up to `tick` (every tick since the previous FRAME), so a
   * client plays the confirmed race exactly as the server did. Every seat's runs cover the
   * same ticks. Absent in a solo round (its FRAME is the same bytes as before races: the
   * client knows its own inputs).
   */
  inputs?: InputRun[][];
}

/** The ticks a race FRAME's inputs cover (its first seat's runs; every seat's are as long). */
export function frameInputTicks(inputs: readonly (readonly InputRun[])[]): number {
  const runs = inputs[0];
  let t = 0;
  if (runs) for (let i = 0; i < runs.length; i++) t += (runs[i] as InputRun)[0];
  return t;
}

/** A seat's runs as one [dx, dy] a tick (a client replaying a FRAME tick by tick). */
export function unrollInputs(runs: readonly InputRun[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as InputRun;
    for (let k = 0; k < run[0]; k++) out.push([run[1], run[2]]);
  }
  return out;
}

/** The most ticks a race's FRAME carries inputs for (LiveTiming.raceFrameTicks, twice). */
export const MAX_FRAME_INPUT_TICKS = 2 * LiveTiming.raceFrameTicks;

/** A friend race's lobby before its start (LOBBY), to every socket in it on every change. */
export interface LobbyMessage {
  /** The lobby's size (2–4): the seats a race from it may have. */
  maxSeats: number;
  /** By seat (the maker is seat 0): those who reserved one, and whether their socket is in. */
  players: LobbyPlayer[];
  /**
   * The seat that hosts (starts the race, asks for a rematch): the maker's, 0, until the maker
   * is away past RaceLobby.hostGraceMs while others wait; then the one here longest.
   */
  host: number;
}

export interface LobbyPlayer {
  /** At most MAX_NAME_CHARS characters (longer names are cut). */
  name: string;
  here: boolean;
}

export interface PausedMessage {
  paused: boolean;
  pausesLeft: number;
  /** The round's tick when the clock stopped or runs again. */
  tick: number;
  /** While paused: ms until the round resumes by itself. */
  msLeft: number;
}

export interface EndMessage {
  reason: (typeof END_REASONS)[number];
  score: number;
  gifts: number;
  powerUpsUsed: number;
  /** The week's best and rank after this round (0 when nothing was written). */
  best: number;
  rank: number;
  newBest: boolean;
  /**
   * The run is outside human bounds (docs/realtime.md "Plausibility") and held for review
   * instead of going on the board: `best` and `rank` are the board's before it. Never with
   * `newBest`.
   */
  held: boolean;
  ticksPlayed: number;
}

/**
 * Appends little-endian numbers to a growing buffer, byte by byte: in goja every DataView call
 * is a native call, and an encoder's helper calls add up (the race FRAME, encoded 10 times a
 * second per match, writes its bytes inline instead: encodeFrame).
 */
class Writer {
  private bytes: Uint8Array;
  length = 0;
  constructor(size = 256) {
    this.bytes = new Uint8Array(size);
  }
  private grow(n: number) {
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes);
    this.bytes = grown;
  }
  u8(v: number) {
    if (this.length + 1 > this.bytes.length) this.grow(1);
    this.bytes[this.length++] = v & 0xff;
  }
  i8(v: number) {
    this.u8(v);
  }
  u16(v: number) {
    if (this.length + 2 > this.bytes.length) this.grow(2);
    const b = this.bytes;
    b[this.length] = v & 0xff;
    b[this.length + 1] = (v >>> 8) & 0xff;
    this.length += 2;
  }
  u32(v: number) {
    if (this.length + 4 > this.bytes.length) this.grow(4);
    put32(this.bytes, this.length, v);
    this.length += 4;
  }
  i32(v: number) {
    this.u32(v);
  }
  /**
   * The bytes written, as an ArrayBuffer of exactly that length (Nakama's dispatcher takes
   * one): the buffer itself when the size given was exact, as the encoders' sizes are.
   */
  done(): ArrayBuffer {
    return exact(this.bytes, this.length);
  }
}

/** A 32-bit number (signed or not: the same bytes) at `o`, little-endian. */
function put32(b: Uint8Array, o: number, v: number) {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

function exact(bytes: Uint8Array, length: number): ArrayBuffer {
  if (length === bytes.byteLength) return bytes.buffer as ArrayBuffer;
  return bytes.buffer.slice(0, length) as ArrayBuffer;
}

/** Thrown inside a decoder for bytes that end early or a value out of range: it answers null. */
const TRUNCATED = { truncated: true };

/** Reads little-endian numbers; past the end it throws TRUNCATED (caught by decode()). */
class Reader {
  private view: DataView;
  offset = 0;
  constructor(bytes: Bytes) {
    this.view =
      bytes instanceof Uint8Array
        ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : new DataView(bytes);
  }
  get left() {
    return this.view.byteLength - this.offset;
  }
  private need(n: number) {
    if (this.offset + n > this.view.byteLength) throw TRUNCATED;
  }
  u8() {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }
  i8() {
    this.need(1);
    return this.view.getInt8(this.offset++);
  }
  u16() {
    this.need(2);
    const v = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return v;
  }
  u32() {
    this.need(4);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  i32() {
    this.need(4);
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }
  /** An index into `names`, or TRUNCATED when out of range. */
  pick<T>(names: readonly T[]): T {
    const i = this.u8();
    if (i >= names.length) throw TRUNCATED;
    return names[i] as T;
  }
  /** A count in [min, max], or TRUNCATED. */
  count(min: number, max: number) {
    const n = this.u8();
    if (n < min || n > max) throw TRUNCATED;
    return n;
  }
}

function byteLength(bytes: unknown): number {
  if (bytes instanceof Uint8Array) return bytes.byteLength;
  if (bytes instanceof ArrayBuffer) return bytes.byteLength;
  return -1;
}

/** Runs a decoder over untrusted bytes: null for anything not a whole, well-formed message. */
function decode<T>(bytes: unknown, read: (r: Reader) => T): T | null {
  const n = byteLength(bytes);
  if (n <= 0 || n > MAX_MESSAGE_BYTES) return null;
  try {
    const r = new Reader(bytes as Bytes);
    const value = read(r);
    return r.left === 0 ? value : null;
  } catch (err) {
    if (err === TRUNCATED) return null;
    throw err;
  }
}

const index = <T>(names: readonly T[], value: T) => {
  const i = names.indexOf(value);
  if (i < 0) throw new Error(`codec: ${String(value)} is not one of ${names.join(", ")}`);
  return i;
};

// INPUT: u8 seat, u32 lastTick, u8 n (1..maxInputTicks), n × (i8 dx, i8 dy)

export function encodeInput(m: InputMessage): ArrayBuffer {
  const w = new Writer(6 + 2 * m.inputs.length);
  w.u8(m.seat);
  w.u32(m.lastTick);
  w.u8(m.inputs.length);
  for (let i = 0; i < m.inputs.length; i++) {
    const pair = m.inputs[i] as [number, number];
    w.i8(pair[0]);
    w.i8(pair[1]);
  }
  return w.done();
}

/**
 * An INPUT as the server reads it: the ticks' inputs left in the message's bytes, not an array
 * a tick (in goja each array and each pair is an allocation, and decodeInput's were a fifth of
 * a race's JavaScript time).
 */
export interface InputView {
  seat: number;
  lastTick: number;
  /** Ticks carried: lastTick − count + 1 … lastTick. */
  count: number;
  /**
   * The message's bytes, signed: the i-th tick's dx at INPUT_MOVES_AT + 2i, its dy next, each
   * in ±100 (the whole message, not a subarray: in goja each view is an allocation).
   */
  bytes: Int8Array;
}

/** Where an INPUT's ticks start (after u8 seat, u32 last tick, u8 n). */
export const INPUT_MOVES_AT = 6;

/**
 * Reads an INPUT by hand from a byte view, not through Reader (in goja each DataView call is a
 * native call); every byte is checked before anything is answered, so a malformed message is
 * refused whole. With `into`, that view is filled and answered instead of a new one (the
 * server reads a message at a time: in goja each object is an allocation).
 */
export function readInput(bytes: unknown, into?: InputView): InputView | null {
  const n = byteLength(bytes);
  if (n < 8 || n > 6 + 2 * LiveTiming.maxInputTicks) return null;
  const b =
    bytes instanceof Uint8Array
      ? new Int8Array(bytes.buffer, bytes.byteOffset, n)
      : new Int8Array(bytes as ArrayBuffer);
  const count = (b[5] as number) & 0xff;
  if (count < 1 || n !== 6 + 2 * count) return null;
  const lastTick =
    (((b[1] as number) & 0xff) |
      (((b[2] as number) & 0xff) << 8) |
      (((b[3] as number) & 0xff) << 16) |
      ((b[4] as number) << 24)) >>>
    0;
  if (lastTick < count) return null; // ticks start at 1
  for (let i = INPUT_MOVES_AT; i < n; i++) {
    const v = b[i] as number;
    if (v < -100 || v > 100) return null; // ±INPUT_LIMIT, a literal: no scope lookup a byte
  }
  const seat = (b[0] as number) & 0xff;
  if (!into) return { seat, lastTick, count, bytes: b };
  into.seat = seat;
  into.lastTick = lastTick;
  into.count = count;
  into.bytes = b;
  return into;
}

/** An INPUT with one [dx, dy] a tick (tests and fake servers; the server reads readInput's view). */
export function decodeInput(bytes: unknown): InputMessage | null {
  const v = readInput(bytes);
  if (!v) return null;
  const inputs: [number, number][] = [];
  for (let i = INPUT_MOVES_AT; i < INPUT_MOVES_AT + 2 * v.count; i += 2)
    inputs.push([v.bytes[i] as number, v.bytes[i + 1] as number]);
  return { seat: v.seat, lastTick: v.lastTick, inputs };
}

// PAUSE: u8 (1 pause, 0 resume)

export function encodePause(pause: boolean): ArrayBuffer {
  const w = new Writer(1);
  w.u8(pause ? 1 : 0);
  return w.done();
}

export function decodePause(bytes: unknown): { pause: boolean } | null {
  return decode(bytes, (r) => ({ pause: r.count(0, 1) === 1 }));
}

function writeState(w: Writer, s: PublicState) {
  w.u32(s.tick);
  w.u8(s.santas.length);
  for (const santa of s.santas) {
    w.u16(santa.score);
    w.u16(santa.gifts);
    w.u8(santa.powerUpsUsed);
    w.i32(santa.x);
    w.i32(santa.y);
    w.u8(index(LOOKS, santa.look));
    w.u32(santa.frozenUntil);
    w.u32(santa.graceUntil);
    w.u32(santa.flameUntil);
    w.u32(santa.cookieUntil);
  }
  w.i32(s.gift.x);
  w.i32(s.gift.y);
  w.u32(s.gift.at);
  w.u8(s.ice.length);
  for (const m of s.ice) writeMover(w, m);
  w.u8(s.powerUps.length);
  for (const p of s.powerUps) {
    w.u8(index(POWER_UP_KINDS, p.kind));
    w.u8(index(POWER_UP_STATES, p.state));
    w.u32(p.appearAtTick);
    writeMover(w, p);
  }
}

function writeMover(w: Writer, m: MoverView) {
  w.i32(m.x);
  w.i32(m.y);
  w.i32(m.vx);
  w.i32(m.vy);
}

function readMover(r: Reader): MoverView {
  return { x: r.i32(), y: r.i32(), vx: r.i32(), vy: r.i32() };
}

function readState(r: Reader): PublicState {
  const tick = r.u32();
  const santas: SantaView[] = [];
  for (let i = r.count(1, MAX_SEATS); i > 0; i--) {
    santas.push({
      score: r.u16(),
      gifts: r.u16(),
      powerUpsUsed: r.u8(),
      x: r.i32(),
      y: r.i32(),
      look: r.pick(LOOKS),
      frozenUntil: r.u32(),
      graceUntil: r.u32(),
      flameUntil: r.u32(),
      cookieUntil: r.u32(),
    });
  }
  const gift = { x: r.i32(), y: r.i32(), at: r.u32() };
  const ice: MoverView[] = [];
  for (let i = r.count(0, 16); i > 0; i--) ice.push(readMover(r));
  const powerUps: PowerUpView[] = [];
  for (let i = r.count(0, 16); i > 0; i--) {
    const kind = r.pick(POWER_UP_KINDS);
    const state = r.pick(POWER_UP_STATES);
    const appearAtTick = r.u32();
    powerUps.push({ kind, state, appearAtTick, ...readMover(r) });
  }
  return { tick, santas, gift, ice, powerUps };
}

// START: u8 seat, u8 seats, u32 ticks, u8 orientation, u16 lead, u16 late, i32 startInMs,
// u8 pausesLeft, u8 rules version, state, and in a race: u8 n, n × (u8 bot, u8 len, len × u16 UTF-16 unit)

export function encodeStart(m: StartMessage): ArrayBuffer {
  const s = m.state;
  const w = new Writer(
    17 + 5 + 30 * s.santas.length + 12 + 1 + 16 * s.ice.length + 1 + 22 * s.powerUps.length,
  );
  w.u8(m.seat);
  w.u8(m.seats);
  w.u32(m.ticks);
  w.u8(index(ORIENTATIONS, m.orientation));
  w.u16(m.leadTicks);
  w.u16(m.lateTicks);
  w.i32(m.startInMs);
  w.u8(m.pausesLeft);
  w.u8(m.rulesVersion);
  writeState(w, m.state);
  if (m.players) {
    w.u8(m.players.length);
    for (let i = 0; i < m.players.length; i++) {
      const p = m.players[i] as StartPlayer;
      w.u8(p.bot ? 1 : 0);
      writeName(w, p.name);
    }
  }
  return w.done();
}

/** A player's name: u8 len (≤ MAX_NAME_CHARS), len × u16 UTF-16 unit; longer names are cut. */
function writeName(w: Writer, full: string) {
  const name = full.slice(0, MAX_NAME_CHARS);
  w.u8(name.length);
  for (let k = 0; k < name.length; k++) w.u16(name.charCodeAt(k));
}

function readName(r: Reader): string {
  let name = "";
  for (let k = r.count(0, MAX_NAME_CHARS); k > 0; k--) name += String.fromCharCode(r.u16());
  return name;
}

function readPlayers(r: Reader): StartPlayer[] {
  const players: StartPlayer[] = [];
  for (let i = r.count(1, MAX_SEATS); i > 0; i--) {
    const bot = r.count(0, 1) === 1;
    players.push({ name: readName(r), bot });
  }
  return players;
}

export function decodeStart(bytes: unknown): StartMessage | null {
  return decode(bytes, (r) => ({
    seat: r.u8(),
    seats: r.count(1, MAX_SEATS),
    ticks: r.u32(),
    orientation: r.pick(ORIENTATIONS),
    leadTicks: r.u16(),
    lateTicks: r.u16(),
    startInMs: r.i32(),
    pausesLeft: r.u8(),
    rulesVersion: r.count(1, 2) as RulesVersion,
    state: readState(r),
    ...(r.left > 0 ? { players: readPlayers(r) } : {}),
  }));
}

// FRAME: u32 tick, u8 n, n × (u32 ack, u16 filled, u16 score, i32 x, i32 y), u8 k, k × reveal
// reveal: u8 type; gift: u32 tick, u32 at, i32 x, i32 y; power_up_time: u8 index, u32 tick;
// power_up: u8 index, u32 tick, u32 at, i32 x, y, vx, vy (tick: drawn; at: on the field)
// and in a race: u8 t (0..MAX_FRAME_INPUT_TICKS), then per seat its inputs over those t ticks,
// run-length encoded: u8 r (0..t), r × (u8 ticks ≥ 1, i8 dx, i8 dy), the ticks adding up to t

const REVEALS = ["gift", "power_up_time", "power_up"] as const;
const REVEAL_CODE = { gift: 0, power_up_time: 1, power_up: 2 } as const;

const REVEAL_BYTES = { gift: 17, power_up_time: 6, power_up: 26 } as const;

/**
 * Written inline into one buffer of the exact size: the server encodes a FRAME 10 times a
 * second per match, and in goja each helper call costs (the Writer's were a tenth of a race's
 * JavaScript time).
 */
export function encodeFrame(m: FrameMessage): ArrayBuffer {
  const seats = m.seats;
  const reveals = m.reveals;
  const inputs = m.inputs;
  if ((inputs !== undefined) !== seats.length > 1)
    throw new Error("codec: a race's FRAME (2–4 seats) carries inputs, a solo round's doesn't");
  let size = 6 + 16 * seats.length;
  for (let i = 0; i < reveals.length; i++) size += REVEAL_BYTES[(reveals[i] as Reveal).type];
  const t = inputs ? frameInputTicks(inputs) : 0;
  if (inputs) {
    if (inputs.length !== seats.length || t > MAX_FRAME_INPUT_TICKS)
      throw new Error("codec: a race FRAME's inputs are one list per seat, at most 60 ticks");
    size += 1;
    for (let i = 0; i < inputs.length; i++) {
      const runs = inputs[i] as InputRun[];
      let ticks = 0;
      for (let k = 0; k < runs.length; k++) {
        const n = (runs[k] as InputRun)[0];
        if (!(n >= 1)) throw new Error("codec: an input run is a tick or more");
        ticks += n;
      }
      if (ticks !== t) throw new Error("codec: every seat's inputs cover the same ticks");
      size += 1 + 3 * runs.length;
    }
  }
  const b = new Uint8Array(size);
  put32(b, 0, m.tick);
  b[4] = seats.length;
  let o = 5;
  for (let i = 0; i < seats.length; i++) {
    const s = seats[i] as SeatFrame;
    // biome-ignore lint/complexity/useMathMinMax: a comparison; in goja a call costs more
    const filled = s.filled < 0xffff ? s.filled : 0xffff;
    put32(b, o, s.ackTick);
    b[o + 4] = filled & 0xff;
    b[o + 5] = (filled >>> 8) & 0xff;
    b[o + 6] = s.score & 0xff;
    b[o + 7] = (s.score >>> 8) & 0xff;
    put32(b, o + 8, s.x);
    put32(b, o + 12, s.y);
    o += 16;
  }
  b[o++] = reveals.length;
  for (let i = 0; i < reveals.length; i++) {
    const v = reveals[i] as Reveal;
    b[o++] = REVEAL_CODE[v.type];
    if (v.type === "gift") {
      put32(b, o, v.tick);
      put32(b, o + 4, v.at);
      put32(b, o + 8, v.x);
      put32(b, o + 12, v.y);
      o += 16;
    } else if (v.type === "power_up_time") {
      b[o] = v.index;
      put32(b, o + 1, v.appearAtTick);
      o += 5;
    } else {
      b[o] = v.index;
      put32(b, o + 1, v.tick);
      put32(b, o + 5, v.at);
      put32(b, o + 9, v.x);
      put32(b, o + 13, v.y);
      put32(b, o + 17, v.vx);
      put32(b, o + 21, v.vy);
      o += 25;
    }
  }
  if (inputs) {
    b[o++] = t;
    for (let i = 0; i < inputs.length; i++) {
      const runs = inputs[i] as InputRun[];
      b[o++] = runs.length;
      for (let k = 0; k < runs.length; k++) {
        const run = runs[k] as InputRun;
        b[o] = run[0];
        b[o + 1] = run[1] & 0xff;
        b[o + 2] = run[2] & 0xff;
        o += 3;
      }
    }
  }
  return b.buffer as ArrayBuffer;
}

export function decodeFrame(bytes: unknown): FrameMessage | null {
  return decode(bytes, (r) => {
    const tick = r.u32();
    const seats: SeatFrame[] = [];
    for (let i = r.count(1, MAX_SEATS); i > 0; i--)
      seats.push({ ackTick: r.u32(), filled: r.u16(), score: r.u16(), x: r.i32(), y: r.i32() });
    const reveals: Reveal[] = [];
    for (let i = r.count(0, 32); i > 0; i--) {
      const type = r.pick(REVEALS);
      if (type === "gift")
        reveals.push({ type, tick: r.u32(), at: r.u32(), x: r.i32(), y: r.i32() });
      else if (type === "power_up_time")
        reveals.push({ type, index: r.u8(), appearAtTick: r.u32() });
      else reveals.push({ type, index: r.u8(), tick: r.u32(), at: r.u32(), ...readMover(r) });
    }
    // One seat: a solo round (no inputs); 2–4: a race (always its inputs).
    if (seats.length === 1) return { tick, seats, reveals };
    const t = r.count(0, Math.min(MAX_FRAME_INPUT_TICKS, tick));
    const inputs: InputRun[][] = [];
    for (let i = 0; i < seats.length; i++) {
      const runs: InputRun[] = [];
      let left = t;
      for (let k = r.count(0, t); k > 0; k--) {
        const n = r.count(1, left);
        left -= n;
        runs.push([n, readDirection(r), readDirection(r)]);
      }
      if (left !== 0) throw TRUNCATED;
      inputs.push(runs);
    }
    return { tick, seats, reveals, inputs };
  });
}

function readDirection(r: Reader): number {
  const v = r.i8();
  if (v < -INPUT_LIMIT || v > INPUT_LIMIT) throw TRUNCATED;
  return v;
}

// PAUSED: u8 paused, u8 pausesLeft, u32 tick, u16 msLeft

export function encodePaused(m: PausedMessage): ArrayBuffer {
  const w = new Writer(8);
  w.u8(m.paused ? 1 : 0);
  w.u8(m.pausesLeft);
  w.u32(m.tick);
  w.u16(Math.min(Math.max(0, Math.round(m.msLeft)), 0xffff));
  return w.done();
}

export function decodePaused(bytes: unknown): PausedMessage | null {
  return decode(bytes, (r) => ({
    paused: r.count(0, 1) === 1,
    pausesLeft: r.u8(),
    tick: r.u32(),
    msLeft: r.u16(),
  }));
}

// END: u8 reason, u16 score, u16 gifts, u8 powerUpsUsed, u16 best, u32 rank, u8 board,
// u32 ticksPlayed. board: 0 written (or nothing to write), 1 a new best, 2 held for review:
// one byte, so every END that isn't held is the same bytes as before runs were held.

const END_BOARD = { kept: 0, newBest: 1, held: 2 } as const;

export function encodeEnd(m: EndMessage): ArrayBuffer {
  if (m.held && m.newBest) throw new Error("END: a held run is no new best");
  const w = new Writer(17);
  w.u8(index(END_REASONS, m.reason));
  w.u16(m.score);
  w.u16(m.gifts);
  w.u8(m.powerUpsUsed);
  w.u16(m.best);
  w.u32(m.rank);
  w.u8(m.held ? END_BOARD.held : m.newBest ? END_BOARD.newBest : END_BOARD.kept);
  w.u32(m.ticksPlayed);
  return w.done();
}

export function decodeEnd(bytes: unknown): EndMessage | null {
  return decode(bytes, (r) => {
    const reason = r.pick(END_REASONS);
    const score = r.u16();
    const gifts = r.u16();
    const powerUpsUsed = r.u8();
    const best = r.u16();
    const rank = r.u32();
    const board = r.count(END_BOARD.kept, END_BOARD.held);
    return {
      reason,
      score,
      gifts,
      powerUpsUsed,
      best,
      rank,
      newBest: board === END_BOARD.newBest,
      held: board === END_BOARD.held,
      ticksPlayed: r.u32(),
    };
  });
}

// REMATCH: u8 n (1..MAX_MATCH_ID_CHARS), n × u8 printable ASCII (the new match's id)

/** A match id is "<uuid>.<node>": ASCII, well under this. */
export const MAX_MATCH_ID_CHARS = 128;

export function encodeRematch(matchId: string): ArrayBuffer {
  const w = new Writer(1 + matchId.length);
  if (matchId.length < 1 || matchId.length > MAX_MATCH_ID_CHARS)
    throw new Error("codec: a match id is 1–128 characters");
  w.u8(matchId.length);
  for (let i = 0; i < matchId.length; i++) {
    const c = matchId.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) throw new Error("codec: a match id is printable ASCII");
    w.u8(c);
  }
  return w.done();
}

export function decodeRematch(bytes: unknown): { matchId: string } | null {
  return decode(bytes, (r) => {
    let matchId = "";
    for (let n = r.count(1, MAX_MATCH_ID_CHARS); n > 0; n--) {
      const c = r.u8();
      if (c < 0x21 || c > 0x7e) throw TRUNCATED;
      matchId += String.fromCharCode(c);
    }
    return { matchId };
  });
}

// LOBBY: u8 maxSeats (2..4), u8 n (1..maxSeats), u8 host (0..n-1),
// n × (u8 here, u8 len, len × u16 UTF-16 unit)

export function encodeLobby(m: LobbyMessage): ArrayBuffer {
  const w = new Writer(3 + m.players.length * (2 + 2 * MAX_NAME_CHARS));
  if (m.host < 0 || m.host >= m.players.length) throw new Error("codec: the host holds a seat");
  w.u8(m.maxSeats);
  w.u8(m.players.length);
  w.u8(m.host);
  for (let i = 0; i < m.players.length; i++) {
    const p = m.players[i] as LobbyPlayer;
    w.u8(p.here ? 1 : 0);
    writeName(w, p.name);
  }
  return w.done();
}

export function decodeLobby(bytes: unknown): LobbyMessage | null {
  return decode(bytes, (r) => {
    const maxSeats = r.count(2, MAX_SEATS);
    const n = r.count(1, maxSeats);
    const host = r.count(0, n - 1);
    const players: LobbyPlayer[] = [];
    for (let i = n; i > 0; i--) {
      const here = r.count(0, 1) === 1;
      players.push({ here, name: readName(r) });
    }
    return { maxSeats, players, host };
  });
}

// LOBBY_CLOSED: u8 reason (LOBBY_CLOSED_REASONS)

export function encodeLobbyClosed(reason: LobbyClosedReason): ArrayBuffer {
  const w = new Writer(1);
  w.u8(index(LOBBY_CLOSED_REASONS, reason));
  return w.done();
}

export function decodeLobbyClosed(bytes: unknown): { reason: LobbyClosedReason } | null {
  return decode(bytes, (r) => ({ reason: r.pick(LOBBY_CLOSED_REASONS) }));
}

/** The decoder for each server → client op code (a client's dispatch table). */
export const serverMessages = {
  [LiveOp.START]: decodeStart,
  [LiveOp.FRAME]: decodeFrame,
  [LiveOp.PAUSED]: decodePaused,
  [LiveOp.END]: decodeEnd,
  [LiveOp.REMATCH]: decodeRematch,
  [LiveOp.LOBBY]: decodeLobby,
  [LiveOp.LOBBY_CLOSED]: decodeLobbyClosed,
} as const;
