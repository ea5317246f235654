/**
 * What a race costs the match handler's JavaScript, without sockets: whole races of socket
 * players driven through the handler's own functions (matchInit, join, loop) with a fake
 * dispatcher and a clock of its own, in goja (the determinism module's live_race_cost) so a
 * bench can read Nakama's CPU around it. Every player sends what the bench's socket players
 * send: its inputs each match loop, with the last `redundancy` ticks, steering at the gift
 * (read from the server's state: the cost of decoding FRAMEs is the client's, not the
 * server's). The driver's own work is kept small: inputs are written by hand into bytes.
 */
import { LiveOp, LiveTiming } from "@gift-grab/contracts";
import { INPUT_MAX } from "@gift-grab/simulation";
import { clock, currentRound, liveRoundMatch } from "../../src/rounds/live/match";

export interface RaceCostSpec {
  seed: number;
  duration_ms: number;
  /** Santas, every one a socket player (2–4). */
  seats: number;
  /** Ticks repeated in each INPUT (the bench's players: 9). */
  redundancy: number;
  /** An INPUT every this many match loops (1: every loop, as the bench's players). */
  send_every: number;
}

export interface RaceCostResult {
  loops: number;
  /** Messages the players sent, and the handler sent (each broadcast once). */
  inputs: number;
  sent: number;
  bytes_sent: number;
  score: number;
  /** Error lines the handler logged (a race that failed somewhere: its cost is not a race's). */
  errors: number;
}

const T0 = 1_800_000_000_000;
/** The handler's error lines (a loop that failed): counted, so a cost is never a failure's. */
let errors = 0;
const logger = {
  debug() {},
  info() {},
  warn() {},
  error() {
    errors += 1;
  },
} as unknown as nkruntime.Logger;
/** What the race's results write at its end (its cost, once a race, is in the figure). */
const nk = {
  leaderboardCreate: () => {},
  leaderboardRecordWrite: (_id: string, ownerId: string, username: string, score: number) => ({
    ownerId,
    username,
    score,
    rank: 1,
  }),
  storageWrite: (writes: nkruntime.StorageWriteRequest[]) =>
    writes.map((w) => ({ collection: w.collection, key: w.key, userId: w.userId, version: "v" })),
} as unknown as nkruntime.Nakama;

export function raceCost(spec: RaceCostSpec): RaceCostResult {
  let now = T0;
  const realNow = clock.now;
  clock.now = () => now;
  try {
    return drive(
      spec,
      () => now,
      (ms) => {
        now += ms;
      },
    );
  } finally {
    clock.now = realNow;
  }
}

function drive(spec: RaceCostSpec, now: () => number, wait: (ms: number) => void) {
  const ctx = {
    env: { ROUND_DURATION_MS: String(spec.duration_ms), LIVE_START_DELAY_MS: "150" },
    matchId: "cost.node",
  } as unknown as nkruntime.Context;
  errors = 0;
  const result: RaceCostResult = {
    loops: 0,
    inputs: 0,
    sent: 0,
    bytes_sent: 0,
    score: 0,
    errors: 0,
  };
  const presences = Array.from(
    { length: spec.seats },
    (_, i) =>
      ({
        userId: `00000000-0000-4000-8000-00000000000${i + 1}`,
        sessionId: `00000000-0000-4000-8000-00000000001${i}`,
        username: `p${i}`,
        node: "n",
      }) as nkruntime.Presence,
  );
  let startAt = 0;
  const dispatcher = {
    broadcastMessage(op: number, data: ArrayBuffer) {
      result.sent += 1;
      result.bytes_sent += data.byteLength;
      if (op === LiveOp.START && startAt === 0) {
        // START's startInMs (i32 at byte 11): tick 0 on the driver's clock.
        startAt = now() + new DataView(data).getInt32(11, true);
      }
    },
    matchKick() {},
    matchLabelUpdate() {},
  } as unknown as nkruntime.MatchDispatcher;
  let state = liveRoundMatch.matchInit(ctx, logger, nk, {
    race: JSON.stringify({
      users: presences.map((p) => ({ user_id: p.userId, username: p.username })),
      seats: spec.seats,
    }),
    orientation: "landscape",
    seed: spec.seed,
  }).state;
  for (const p of presences) {
    const attempt = liveRoundMatch.matchJoinAttempt(ctx, logger, nk, dispatcher, 0, state, p, {});
    if (!attempt?.accept) throw new Error("a seat's own user was refused");
    state =
      liveRoundMatch.matchJoin(ctx, logger, nk, dispatcher, 0, attempt.state, [p])?.state ?? state;
  }
  const round = currentRound();
  if (!round) throw new Error("no round");
  const ticks = round.sim.ticks;
  // Each player's input per tick (dx at 2t, dy at 2t + 1) and the last tick it decided.
  const moves = presences.map(() => new Int8Array(2 * (ticks + 1)));
  const decided = presences.map(() => 0);
  for (let loop = 0; loop < 100_000; loop++) {
    const messages: nkruntime.MatchMessage[] = [];
    if (startAt > 0 && now() >= startAt && loop % spec.send_every === 0) {
      const due = Math.min(ticks, Math.floor(((now() - startAt) * 60) / 1000));
      const sim = round.sim;
      for (let i = 0; i < presences.length; i++) {
        const santa = i === 0 ? sim.santa : sim.others[i - 1];
        const m = moves[i] as Int8Array;
        if (!santa) continue;
        const x = sim.gift.x - santa.x;
        const y = sim.gift.y - santa.y;
        const len = Math.sqrt(x * x + y * y);
        const dx = len === 0 ? 0 : Math.round((INPUT_MAX * x) / len);
        const dy = len === 0 ? 0 : Math.round((INPUT_MAX * y) / len);
        for (let t = (decided[i] as number) + 1; t <= due; t++) {
          m[2 * t] = dx;
          m[2 * t + 1] = dy;
        }
        decided[i] = due;
        if (due < 1) continue;
        const n = Math.min(spec.redundancy, due);
        // INPUT as the codec writes it: u8 seat, u32 last tick, u8 n, n × (i8 dx, i8 dy).
        const b = new Uint8Array(6 + 2 * n);
        b[0] = i;
        b[1] = due & 0xff;
        b[2] = (due >> 8) & 0xff;
        b[3] = (due >> 16) & 0xff;
        b[4] = (due >> 24) & 0xff;
        b[5] = n;
        for (let k = 0; k < n; k++) {
          const t = due - n + 1 + k;
          b[6 + 2 * k] = (m[2 * t] as number) & 0xff;
          b[7 + 2 * k] = (m[2 * t + 1] as number) & 0xff;
        }
        messages.push({
          sender: presences[i],
          opCode: LiveOp.INPUT,
          data: b.buffer,
          reliable: true,
          receiveTimeMs: now(),
        } as nkruntime.MatchMessage);
        result.inputs += 1;
      }
    }
    const next = liveRoundMatch.matchLoop(ctx, logger, nk, dispatcher, loop, state, messages);
    result.loops += 1;
    if (!next) break;
    state = next.state;
    wait(1000 / LiveTiming.loopHz);
  }
  result.score = round.sim.score;
  result.errors = errors;
  return result;
}
