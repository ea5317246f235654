/**
 * What a race or a live solo round costs the match handler's JavaScript, without sockets:
 * whole rounds of socket players driven through the handler's own functions (matchInit, join,
 * loop) with a fake dispatcher and a clock of its own, in goja (the determinism module's
 * live_race_cost) so a bench can read Nakama's CPU around it. Every player steers at the gift
 * (read from the server's state: the cost of decoding FRAMEs is the client's, not the
 * server's) and sends its inputs with the last `redundancy` ticks every `send_every` loops,
 * or (`send_every` 0) as the game does (contracts' inputDue: a loop after the last one while
 * its direction changes, a keep-alive while it holds). The driver's own work is kept small:
 * inputs are written by hand into bytes.
 */
import { inputDue, LiveOp, LiveTiming } from "@gift-grab/contracts";
import { INPUT_MAX } from "@gift-grab/simulation";
import { clock, currentRound, liveRoundMatch } from "../../src/rounds/live/match";
import { fakeNk } from "./live-driver";

export interface RaceCostSpec {
  seed: number;
  duration_ms: number;
  /** Santas, every one a socket player (1: a solo round; 2–4: a race). */
  seats: number;
  /** Ticks repeated in each INPUT (the game's: LiveTiming.inputTicks). */
  redundancy: number;
  /** An INPUT every this many match loops; 0: as the game sends (inputDue). */
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
  // What the results write at the end (their cost, once a round, is in the figure).
  const nk = fakeNk();
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
  let ended = false;
  let left = false;
  const dispatcher = {
    broadcastMessage(op: number, data: ArrayBuffer) {
      result.sent += 1;
      if (op === LiveOp.END) ended = true;
      result.bytes_sent += data.byteLength;
      if (op === LiveOp.START && startAt === 0) {
        // START's startInMs (i32 at byte 11): tick 0 on the driver's clock.
        startAt = now() + new DataView(data).getInt32(11, true);
      }
    },
    matchKick() {},
    matchLabelUpdate() {},
  } as unknown as nkruntime.MatchDispatcher;
  const solo = presences[0] as nkruntime.Presence;
  let state = liveRoundMatch.matchInit(
    ctx,
    logger,
    nk,
    spec.seats === 1
      ? { user_id: solo.userId, username: solo.username, orientation: "landscape", seed: spec.seed }
      : {
          race: JSON.stringify({
            users: presences.map((p) => ({ user_id: p.userId, username: p.username })),
            seats: spec.seats,
          }),
          orientation: "landscape",
          seed: spec.seed,
        },
  ).state;
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
  // The game's cadence: when each player last sent, and the direction of its newest tick then.
  const sentAt = presences.map(() => Number.NEGATIVE_INFINITY);
  const sentDx = presences.map(() => 0);
  const sentDy = presences.map(() => 0);
  const sentTick = presences.map(() => 0);
  for (let loop = 0; loop < 100_000; loop++) {
    const messages: nkruntime.MatchMessage[] = [];
    if (!left && startAt > 0 && now() >= startAt && loop % Math.max(1, spec.send_every) === 0) {
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
        if (spec.send_every === 0) {
          const changed = dx !== sentDx[i] || dy !== sentDy[i];
          if (due <= (sentTick[i] as number) || !inputDue(now() - (sentAt[i] as number), changed))
            continue;
          sentAt[i] = now();
          sentDx[i] = dx;
          sentDy[i] = dy;
          sentTick[i] = due;
        }
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
    // The players leave at END, as the bench's and the game's do: the match closes.
    if (ended && !left) {
      state =
        liveRoundMatch.matchLeave(ctx, logger, nk, dispatcher, loop, state, presences)?.state ??
        state;
      left = true;
    }
    wait(1000 / LiveTiming.loopHz);
  }
  result.score = round.sim.score;
  result.errors = errors;
  return result;
}
