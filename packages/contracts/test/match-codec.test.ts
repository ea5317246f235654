import { describe, expect, it } from "vitest";
import {
  decodeEnd,
  decodeFrame,
  decodeInput,
  decodeLobby,
  decodeLobbyClosed,
  decodePause,
  decodePaused,
  decodeRematch,
  decodeStart,
  encodeEnd,
  encodeFrame,
  encodeInput,
  encodeLobby,
  encodeLobbyClosed,
  encodePause,
  encodePaused,
  encodeRematch,
  encodeStart,
  type FrameMessage,
  frameInputTicks,
  INPUT_MOVES_AT,
  type InputMessage,
  LiveOp,
  LiveTiming,
  LOBBY_CLOSED_REASONS,
  MAX_FRAME_INPUT_TICKS,
  MAX_MESSAGE_BYTES,
  readInput,
  type StartMessage,
  UNREVEALED,
  unrollInputs,
} from "../src/match";

const start: StartMessage = {
  seat: 0,
  seats: 1,
  ticks: 1800,
  orientation: "portrait",
  leadTicks: 15,
  lateTicks: 12,
  startInMs: -250,
  pausesLeft: 2,
  rulesVersion: 2,
  state: {
    tick: 42,
    santas: [
      {
        score: 3,
        gifts: 3,
        powerUpsUsed: 1,
        x: 640_000,
        y: 360_000,
        look: "frozen",
        frozenUntil: 200,
        graceUntil: 0,
        flameUntil: 0,
        cookieUntil: 700,
      },
    ],
    gift: { x: 100_000, y: 200_000, at: 50 },
    ice: [
      { x: 1, y: 2, vx: -4333, vy: 1 },
      { x: 5, y: 6, vx: 7, vy: -8 },
    ],
    powerUps: [
      { kind: "flame", state: "waiting", appearAtTick: UNREVEALED, x: 0, y: 0, vx: 0, vy: 0 },
      { kind: "cookie", state: "coming", appearAtTick: 60, x: 9, y: 10, vx: -11, vy: 12 },
    ],
  },
};

const frame: FrameMessage = {
  tick: 99,
  seats: [{ ackTick: 97, filled: 2, score: 4, x: -1, y: 123_456 }],
  reveals: [
    { type: "gift", tick: 98, at: 122, x: 1000, y: 2000 },
    { type: "power_up_time", index: 1, appearAtTick: 114 },
    { type: "power_up", index: 0, tick: 99, at: 123, x: 1, y: 2, vx: -3, vy: 4 },
  ],
};

/** A race of four: each seat's inputs for the 4 ticks the frame covers, run-length encoded. */
const raceFrame: FrameMessage = {
  tick: 99,
  seats: [0, 1, 2, 3].map((i) => ({ ackTick: 97 - i, filled: i, score: i, x: i, y: 5 - i })),
  reveals: [{ type: "gift", tick: 98, at: 122, x: 1000, y: 2000 }],
  inputs: [0, 1, 2, 3].map((i) => [
    [1, i, 3 - i],
    [2, 100, -100],
    [1, 0, 0],
  ]),
};

const lobby = {
  maxSeats: 4,
  players: [
    { name: "Host Santa", here: true },
    { name: "Żółw 🎅", here: false },
  ],
  host: 1,
};

/** Every prefix and every longer copy of a message decodes to null. */
function cutsAndPads(bytes: ArrayBuffer) {
  const out: Uint8Array[] = [];
  const all = new Uint8Array(bytes);
  for (let n = 0; n < all.length; n++) out.push(all.slice(0, n));
  const longer = new Uint8Array(all.length + 1);
  longer.set(all);
  out.push(longer);
  return out;
}

describe("the live round's codec", () => {
  it("round-trips every message, from an ArrayBuffer or a Uint8Array view", () => {
    const input: InputMessage = {
      seat: 2,
      lastTick: 1800,
      inputs: [
        [-100, 100],
        [0, -7],
      ],
    };
    expect(decodeInput(encodeInput(input))).toEqual(input);
    expect(decodePause(encodePause(true))).toEqual({ pause: true });
    expect(decodePause(encodePause(false))).toEqual({ pause: false });
    expect(decodeStart(encodeStart(start))).toEqual(start);
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
    expect(decodeFrame(encodeFrame(raceFrame))).toEqual(raceFrame);
    expect(decodeLobby(encodeLobby(lobby))).toEqual(lobby);
    const paused = { paused: true, pausesLeft: 1, tick: 600, msLeft: 9_950 };
    expect(decodePaused(encodePaused(paused))).toEqual(paused);
    const end = {
      reason: "completed" as const,
      score: 31,
      gifts: 31,
      powerUpsUsed: 2,
      best: 33,
      rank: 1,
      newBest: false,
      held: false,
      ticksPlayed: 1800,
    };
    expect(decodeEnd(encodeEnd(end))).toEqual(end);
    expect(decodeEnd(encodeEnd({ ...end, newBest: true }))).toEqual({ ...end, newBest: true });
    expect(decodeEnd(encodeEnd({ ...end, held: true }))).toEqual({ ...end, held: true });
    // A view into a larger buffer, as nakama-js hands match data over.
    const inner = new Uint8Array(encodeFrame(frame));
    const outer = new Uint8Array(inner.length + 10);
    outer.set(inner, 5);
    expect(decodeFrame(outer.subarray(5, 5 + inner.length))).toEqual(frame);
  });

  it("keeps messages small: an input of the most ticks, a START of four seats", () => {
    const most = Array.from({ length: LiveTiming.maxInputTicks }, () => [1, 1] as [number, number]);
    expect(encodeInput({ seat: 0, lastTick: 100, inputs: most }).byteLength).toBe(66);
    const four = {
      ...start,
      seats: 4,
      state: { ...start.state, santas: Array(4).fill(start.state.santas[0]) },
    };
    expect(encodeStart(four).byteLength).toBeLessThan(MAX_MESSAGE_BYTES / 3);
    // Rules version 2 added the version (1 byte) and the gift's appearance tick (4).
    expect(encodeStart(start).byteLength).toBe(142);
    // A race's START names every seat; four long names stay far below the cap.
    const race = {
      ...four,
      players: [
        { name: "x".repeat(20), bot: false },
        { name: "Żółw 🎅", bot: false },
        { name: "Bot Rudolph", bot: true },
        { name: "", bot: true },
      ],
    };
    expect(decodeStart(encodeStart(race))).toEqual(race);
    expect(encodeStart(race).byteLength).toBeLessThan(MAX_MESSAGE_BYTES / 2);
    const long = { ...race, players: [{ name: "y".repeat(40), bot: false }] };
    expect(decodeStart(encodeStart(long))?.players).toEqual([{ name: "y".repeat(20), bot: false }]);
    expect(encodeFrame({ ...frame, reveals: [] }).byteLength).toBe(22);
  });

  it("says the rules version in START and each spawn's appearance tick in its reveal", () => {
    const v1 = { ...start, rulesVersion: 1 as const };
    expect(decodeStart(encodeStart(v1))?.rulesVersion).toBe(1);
    // The version's byte follows pausesLeft (byte 15): only 1 and 2 are versions.
    for (const v of [0, 3, 255]) {
      const bytes = new Uint8Array(encodeStart(start));
      bytes[16] = v;
      expect(decodeStart(bytes)).toBeNull();
    }
    const one = (r: FrameMessage["reveals"][number]) =>
      encodeFrame({ ...frame, reveals: [r] }).byteLength - 22;
    expect(one({ type: "gift", tick: 98, at: 122, x: 1, y: 2 })).toBe(17);
    expect(one({ type: "power_up", index: 1, tick: 98, at: 122, x: 1, y: 2, vx: 3, vy: 4 })).toBe(
      26,
    );
    expect(one({ type: "power_up_time", index: 1, appearAtTick: 300 })).toBe(6);
  });

  it("answers null, never throws, for bytes that are not exactly a message", () => {
    const messages = [
      [decodeInput, encodeInput({ seat: 0, lastTick: 5, inputs: [[1, 2]] })],
      [decodePause, encodePause(true)],
      [decodeStart, encodeStart(start)],
      [decodeFrame, encodeFrame(frame)],
      [decodePaused, encodePaused({ paused: false, pausesLeft: 0, tick: 1, msLeft: 0 })],
      [decodeRematch, encodeRematch("0b5a43f6-1f5e-4c2a-9a51-5d0c1b1e2f3a.nakama")],
      [decodeFrame, encodeFrame(raceFrame)],
      [decodeLobby, encodeLobby(lobby)],
      [decodeLobbyClosed, encodeLobbyClosed("expired")],
    ] as const;
    for (const [decode, bytes] of messages)
      for (const junk of cutsAndPads(bytes)) expect(decode(junk)).toBeNull();
    for (const junk of [undefined, null, "text", 5, {}, [], new ArrayBuffer(MAX_MESSAGE_BYTES + 1)])
      expect(decodeInput(junk)).toBeNull();
  });

  it("carries a race's inputs in its FRAME (never a solo round's), run-length encoded, each in ±100, at most 60 ticks", () => {
    expect(frameInputTicks(raceFrame.inputs ?? [])).toBe(4);
    expect(unrollInputs(raceFrame.inputs?.[1] ?? [])).toEqual([
      [1, 2],
      [100, -100],
      [100, -100],
      [0, 0],
    ]);
    // 6 bytes + 16 a seat + reveals, then 1 + per seat 1 + 3 a run: 4 seats each holding its
    // direction over a frame's 6 ticks (two loops) is 87 bytes (119 one pair a tick).
    const held = {
      ...raceFrame,
      reveals: [],
      inputs: [0, 1, 2, 3].map((i) => [[6, i, 2 - i]]),
    } as FrameMessage;
    expect(encodeFrame(held).byteLength).toBe(6 + 64 + 1 + 4 * 4);
    expect(decodeFrame(encodeFrame(held))).toEqual(held);
    // The worst: 60 ticks, every seat turning every tick.
    const most = {
      ...held,
      tick: 5000,
      inputs: held.inputs?.map((_, i) =>
        Array.from({ length: MAX_FRAME_INPUT_TICKS }, (_, k) => [1, k % 2 ? i : 3 - i, k % 3]),
      ),
    } as FrameMessage;
    expect(encodeFrame(most).byteLength).toBe(6 + 64 + 1 + 4 * (1 + 3 * 60));
    expect(encodeFrame(most).byteLength).toBeLessThan(MAX_MESSAGE_BYTES / 2);
    expect(decodeFrame(encodeFrame(most))).toEqual(most);
    // Runs are taken as written, merged or not (the server merges; a client unrolls them).
    const split = {
      ...held,
      inputs: held.inputs?.map(() => [
        [2, 5, 5],
        [4, 5, 5],
      ]),
    } as FrameMessage;
    expect(decodeFrame(encodeFrame(split))).toEqual(split);
    // No ticks: every seat's runs are empty.
    const none = { ...held, inputs: held.inputs?.map(() => []) } as FrameMessage;
    expect(decodeFrame(encodeFrame(none))).toEqual(none);

    const tooMany = { ...most, inputs: most.inputs?.map((s) => [...s, [1, 0, 0]]) } as FrameMessage;
    expect(() => encodeFrame(tooMany)).toThrow();
    expect(() => encodeFrame({ ...frame, inputs: [[[1, 0, 0]]] })).toThrow();
    expect(() => encodeFrame({ ...raceFrame, inputs: undefined })).toThrow();
    const uneven = { ...held, inputs: held.inputs?.map((s, i) => (i === 2 ? [[5, 0, 0]] : s)) };
    expect(() => encodeFrame(uneven as FrameMessage)).toThrow();
    const empty = { ...held, inputs: held.inputs?.map((s, i) => (i ? s : [[0, 0, 0], ...s])) };
    expect(() => encodeFrame(empty as FrameMessage)).toThrow();

    // Seat 0's runs start after the reveals and t: its run count, then its first run.
    const bytes = new Uint8Array(encodeFrame(held));
    const seat0 = 6 + 64 + 1;
    expect([bytes[seat0], bytes[seat0 + 1], bytes[seat0 + 2], bytes[seat0 + 3]]).toEqual([
      1, 6, 0, 2,
    ]);
    const tampered = (at: number, value: number) => {
      const b = bytes.slice();
      b[at] = value;
      return decodeFrame(b);
    };
    expect(tampered(seat0 + 2, 101)).toBeNull(); // dx past +100
    expect(tampered(seat0 + 3, 155)).toBeNull(); // dy −101
    expect(tampered(seat0 + 1, 5)).toBeNull(); // runs short of t
    expect(tampered(seat0 + 1, 7)).toBeNull(); // runs past t
    expect(tampered(seat0 + 1, 0)).toBeNull(); // a run of no ticks
    expect(tampered(seat0, 2)).toBeNull(); // a run more than written
    expect(tampered(seat0, 7)).toBeNull(); // more runs than ticks
    expect(tampered(seat0 - 1, 61)).toBeNull(); // t past 60
    // More ticks than the round has played can't be.
    expect(decodeFrame(encodeFrame({ ...raceFrame, tick: 3 }))).toBeNull();
    expect(decodeFrame(encodeFrame({ ...raceFrame, tick: 4 }))).not.toBeNull();
  });

  it("reads an INPUT's ticks in place (the server's view), from an ArrayBuffer or a Uint8Array view", () => {
    const bytes = encodeInput({
      seat: 3,
      lastTick: 70_000,
      inputs: [
        [-100, 100],
        [7, -7],
        [0, 0],
      ],
    });
    const moves = (v: ReturnType<typeof readInput>) =>
      v ? [...v.bytes.subarray(INPUT_MOVES_AT, INPUT_MOVES_AT + 2 * v.count)] : null;
    const view = readInput(bytes);
    expect(view && { seat: view.seat, lastTick: view.lastTick, count: view.count }).toEqual({
      seat: 3,
      lastTick: 70_000,
      count: 3,
    });
    expect(moves(view)).toEqual([-100, 100, 7, -7, 0, 0]);
    const outer = new Uint8Array(bytes.byteLength + 9);
    outer.set(new Uint8Array(bytes), 4);
    expect(moves(readInput(outer.subarray(4, 4 + bytes.byteLength)))).toEqual([
      -100, 100, 7, -7, 0, 0,
    ]);
    expect(readInput(outer)).toBeNull();
  });

  it("tells a lobby's players by seat, 1 to its size, and its host's seat, and refuses anything else", () => {
    const alone = { maxSeats: 2, players: [{ name: "", here: false }], host: 0 };
    expect(decodeLobby(encodeLobby(alone))).toEqual(alone);
    expect(decodeLobby(new Uint8Array([2, 1, 0, 1, 0]))).toEqual({
      maxSeats: 2,
      players: [{ name: "", here: true }],
      host: 0,
    });
    expect(decodeLobby(new Uint8Array([1, 1, 0, 1, 0]))).toBeNull(); // size 1
    expect(decodeLobby(new Uint8Array([5, 1, 0, 1, 0]))).toBeNull(); // size 5
    expect(decodeLobby(new Uint8Array([2, 3, 0, 1, 0, 1, 0, 1, 0]))).toBeNull(); // 3 in 2 seats
    expect(decodeLobby(new Uint8Array([2, 1, 0, 2, 0]))).toBeNull(); // here: 2
    expect(decodeLobby(new Uint8Array([2, 1, 1, 1, 0]))).toBeNull(); // a host past the seats
    expect(() => encodeLobby({ ...alone, host: 1 })).toThrow();
    const long = encodeLobby({
      maxSeats: 2,
      players: [{ name: "z".repeat(30), here: true }],
      host: 0,
    });
    expect(decodeLobby(long)?.players[0]?.name).toBe("z".repeat(20));
  });

  it("says in one byte why a lobby closed before its start, and refuses any other reason", () => {
    expect(LiveOp.LOBBY_CLOSED).toBe(16);
    expect(LOBBY_CLOSED_REASONS).toEqual(["host_closed", "expired"]);
    for (const [i, reason] of LOBBY_CLOSED_REASONS.entries()) {
      expect([...new Uint8Array(encodeLobbyClosed(reason))]).toEqual([i]);
      expect(decodeLobbyClosed(encodeLobbyClosed(reason))).toEqual({ reason });
    }
    expect(decodeLobbyClosed(new Uint8Array([2]))).toBeNull();
    expect(decodeLobbyClosed(new Uint8Array([255]))).toBeNull();
    expect(() => encodeLobbyClosed("gone" as "expired")).toThrow();
  });

  it("carries a rematch's match id as printable ASCII, and refuses anything else", () => {
    const id = "0b5a43f6-1f5e-4c2a-9a51-5d0c1b1e2f3a.nakama1";
    expect(decodeRematch(encodeRematch(id))).toEqual({ matchId: id });
    expect(decodeRematch(new Uint8Array(encodeRematch(id)))).toEqual({ matchId: id });
    expect(encodeRematch(id).byteLength).toBe(1 + id.length);
    expect(decodeRematch(new Uint8Array([0]))).toBeNull();
    expect(decodeRematch(new Uint8Array([2, 0x41, 0x20]))).toBeNull();
    expect(decodeRematch(new Uint8Array([2, 0x41, 0x80]))).toBeNull();
    expect(() => encodeRematch("")).toThrow();
    expect(() => encodeRematch("a b")).toThrow();
  });

  it("says in END's one board byte whether the run was a new best or is held for review", () => {
    const end = {
      reason: "completed" as const,
      score: 58,
      gifts: 58,
      powerUpsUsed: 0,
      best: 12,
      rank: 3,
      newBest: false,
      held: false,
      ticksPlayed: 1800,
    };
    const boardByte = (m: typeof end) => new Uint8Array(encodeEnd(m))[12];
    // 17 bytes whatever the board says: an END that isn't held is the same bytes as before.
    expect(encodeEnd({ ...end, held: true }).byteLength).toBe(17);
    expect(boardByte(end)).toBe(0);
    expect(boardByte({ ...end, newBest: true })).toBe(1);
    expect(boardByte({ ...end, held: true })).toBe(2);
    expect(() => encodeEnd({ ...end, held: true, newBest: true })).toThrow("no new best");
    const bytes = new Uint8Array(encodeEnd(end));
    bytes[12] = 3;
    expect(decodeEnd(bytes)).toBeNull();
  });

  it("refuses inputs out of range: no ticks, too many ticks, a direction past ±100, tick 0", () => {
    const raw = (seat: number, lastTick: number, n: number, pairs: number[]) => {
      const b = new Uint8Array(6 + pairs.length);
      const v = new DataView(b.buffer);
      v.setUint8(0, seat);
      v.setUint32(1, lastTick, true);
      v.setUint8(5, n);
      for (let i = 0; i < pairs.length; i++) v.setInt8(6 + i, pairs[i] ?? 0);
      return b;
    };
    expect(decodeInput(raw(0, 10, 1, [100, -100]))).not.toBeNull();
    expect(decodeInput(raw(0, 10, 0, []))).toBeNull();
    const tooMany = LiveTiming.maxInputTicks + 1;
    expect(decodeInput(raw(0, 100, tooMany, Array(2 * tooMany).fill(0)))).toBeNull();
    expect(decodeInput(raw(0, 10, 1, [101, 0]))).toBeNull();
    expect(decodeInput(raw(0, 10, 1, [0, -101]))).toBeNull();
    expect(decodeInput(raw(0, 1, 2, [0, 0, 0, 0]))).toBeNull();
    expect(decodePause(new Uint8Array([2]))).toBeNull();
  });

  it("survives random bytes of every length", () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    };
    // One expect at the end: 6,000 expect() calls cost seconds on a loaded machine.
    const threw: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const junk = Uint8Array.from({ length: 1 + (i % 90) }, next);
      for (const decode of [
        decodeInput,
        decodePause,
        decodeStart,
        decodeFrame,
        decodePaused,
        decodeEnd,
        decodeRematch,
        decodeLobby,
        decodeLobbyClosed,
      ]) {
        try {
          decode(junk);
        } catch (err) {
          threw.push(`${decode.name}([${junk.join(",")}]): ${String(err)}`);
        }
      }
    }
    expect(threw).toEqual([]);
  });
});
