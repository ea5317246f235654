/**
 * The match codec's cases, run in Node (determinism.test.ts) and in goja (the determinism
 * module's codec_check) to the same answer: every encoding's bytes, what each decodes to, and
 * the refusals. The race FRAME's run-length inputs, the server's in-place INPUT read
 * (readInput), a lobby's LOBBY and LOBBY_CLOSED are what the server runs in goja; the client
 * decodes in V8.
 */
import {
  decodeFrame,
  decodeInput,
  decodeLobby,
  decodeLobbyClosed,
  decodeStart,
  encodeFrame,
  encodeInput,
  encodeLobby,
  encodeLobbyClosed,
  encodeStart,
  type FrameMessage,
  INPUT_MOVES_AT,
  type InputMessage,
  LOBBY_CLOSED_REASONS,
  MAX_FRAME_INPUT_TICKS,
  readInput,
} from "@gift-grab/contracts";

const hex = (b: ArrayBuffer | Uint8Array) => {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  let s = "";
  for (let i = 0; i < u.length; i++)
    s += ((u[i] as number) < 16 ? "0" : "") + (u[i] as number).toString(16);
  return s;
};

const seats = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ackTick: 4000 + i,
    filled: 70_000 * i,
    score: 300 * i,
    x: 1_234_567 - i,
    y: -5 + i,
  }));

const frames: FrameMessage[] = [
  {
    tick: 99,
    seats: seats(1),
    reveals: [
      { type: "gift", tick: 98, at: 122, x: 1000, y: 2000 },
      { type: "power_up_time", index: 1, appearAtTick: 114 },
      { type: "power_up", index: 0, tick: 99, at: 123, x: 1, y: 2, vx: -3, vy: 4 },
    ],
  },
  {
    tick: 4003,
    seats: seats(4),
    reveals: [{ type: "gift", tick: 4001, at: 4025, x: 640_000, y: 360_000 }],
    inputs: [
      [[6, 100, -100]],
      [
        [2, 0, 0],
        [4, -100, 7],
      ],
      [[6, -1, 1]],
      [
        [1, 5, 5],
        [1, 6, 6],
        [1, 5, 5],
        [3, 0, 100],
      ],
    ],
  },
  { tick: 3, seats: seats(2), reveals: [], inputs: [[], []] },
  {
    tick: 5000,
    seats: seats(3),
    reveals: [],
    inputs: [0, 1, 2].map((i) =>
      Array.from(
        { length: MAX_FRAME_INPUT_TICKS },
        (_, k) =>
          [1, ((k * 7 + i) % 201) - 100, ((k * 13) % 201) - 100] as [number, number, number],
      ),
    ),
  },
];

/** Every answer, as JSON-able values. */
export function codecCases(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  frames.forEach((f, i) => {
    const bytes = encodeFrame(f);
    out[`frame_${i}`] = { hex: hex(bytes), back: decodeFrame(bytes) };
  });
  // A START of rules version 2 (the server encodes it in goja): a coming gift and power-up.
  const start = encodeStart({
    seat: 1,
    seats: 2,
    ticks: 1800,
    orientation: "landscape",
    leadTicks: 15,
    lateTicks: 12,
    startInMs: -1234,
    pausesLeft: 0,
    rulesVersion: 2,
    state: {
      tick: 700,
      santas: [0, 1].map((i) => ({
        score: 3 + i,
        gifts: 3,
        powerUpsUsed: i,
        x: 640_000 - i,
        y: 360_000 + i,
        look: "left" as const,
        frozenUntil: 0,
        graceUntil: 12,
        flameUntil: 0,
        cookieUntil: 800,
      })),
      gift: { x: 100_000, y: 200_000, at: 718 },
      ice: [{ x: 1, y: 2, vx: -4333, vy: 1 }],
      powerUps: [
        { kind: "flame", state: "coming", appearAtTick: 710, x: 5, y: 6, vx: 7, vy: -8 },
        { kind: "cookie", state: "waiting", appearAtTick: 0xffffffff, x: 0, y: 0, vx: 0, vy: 0 },
      ],
    },
    players: [
      { name: "Żółw 🎅", bot: false },
      { name: "Bot", bot: true },
    ],
  });
  out.start = { hex: hex(start), back: decodeStart(start) };
  const lobby = encodeLobby({
    maxSeats: 3,
    players: [
      { name: "Żółw 🎅", here: true },
      { name: "x".repeat(25), here: false },
    ],
    host: 1,
  });
  out.lobby = { hex: hex(lobby), back: decodeLobby(lobby) };
  out.lobby_closed = LOBBY_CLOSED_REASONS.map((reason) => {
    const bytes = encodeLobbyClosed(reason);
    return { hex: hex(bytes), back: decodeLobbyClosed(bytes) };
  });
  out.refused_lobby_closed = [[2], [255], [0, 0], []].map(
    (b) => decodeLobbyClosed(new Uint8Array(b).buffer) === null,
  );
  // Refusals of a race FRAME's inputs: each byte of its runs changed in turn.
  const race = new Uint8Array(encodeFrame(frames[1] as FrameMessage));
  const refused: number[] = [];
  for (let at = race.length - 1 - 3 * 8 - 4; at < race.length; at++)
    for (const v of [0, 7, 101, 155, 255]) {
      const b = race.slice();
      b[at] = v;
      if (decodeFrame(b) === null) refused.push(at * 1000 + v);
    }
  out.refused_frames = refused;
  const inputs: InputMessage[] = [
    {
      seat: 3,
      lastTick: 70_000,
      inputs: [
        [-100, 100],
        [7, -7],
        [0, 0],
      ],
    },
    {
      seat: 0,
      lastTick: 30,
      inputs: Array.from({ length: 30 }, (_, k) => [k, -k] as [number, number]),
    },
  ];
  out.inputs = inputs.map((m) => {
    const bytes = encodeInput(m);
    const view = readInput(bytes);
    const moves: number[] = [];
    if (view)
      for (let i = 0; i < 2 * view.count; i++) moves.push(view.bytes[INPUT_MOVES_AT + i] as number);
    // A view into a larger buffer, as a client hands bytes over.
    const outer = new Uint8Array(bytes.byteLength + 3);
    outer.set(new Uint8Array(bytes), 2);
    const inner = readInput(outer.subarray(2, 2 + bytes.byteLength));
    return {
      hex: hex(bytes),
      view: view && { seat: view.seat, lastTick: view.lastTick, count: view.count, moves },
      inner: inner?.count ?? null,
      back: decodeInput(bytes),
    };
  });
  const raw = (bytes: number[]) => readInput(new Uint8Array(bytes).buffer) === null;
  out.refused_inputs = [
    raw([0, 10, 0, 0, 0, 1, 100, 101]), // dy past +100
    raw([0, 10, 0, 0, 0, 1, 155, 0]), // dx −101
    raw([0, 10, 0, 0, 0, 0]), // no ticks
    raw([0, 1, 0, 0, 0, 2, 0, 0, 0, 0]), // ticks before tick 1
    raw([0, 10, 0, 0, 0, 2, 0, 0]), // shorter than it says
    raw([0, 10, 0, 0, 0, 1, 0, 0, 0]), // longer
    raw([0, 10, 0, 0, 0, 1, 100, 156]), // dy −100: fine
  ];
  // Random bytes: never a throw.
  let seed = 11;
  let threw = 0;
  for (let i = 0; i < 300; i++) {
    const junk = new Uint8Array(1 + (i % 120));
    for (let k = 0; k < junk.length; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      junk[k] = seed >>> 24;
    }
    try {
      decodeFrame(junk);
      readInput(junk);
    } catch {
      threw += 1;
    }
  }
  out.threw = threw;
  return out;
}
