/**
 * Plays a whole live round through the match handler's own functions (matchInit, join,
 * loop…) with a fake dispatcher, a fake nk and a clock of its own: the same in Node (unit
 * test) and in goja (the determinism module's live_round_drive), so the two can be compared
 * byte for byte. The player is a bot that steers at the gift it was told about, sends each
 * loop the last few ticks' inputs, and loses some messages and delivers some late.
 */
import {
  decodeEnd,
  decodeFrame,
  decodePaused,
  decodeStart,
  type EndMessage,
  encodeInput,
  encodePause,
  LiveOp,
  LiveTiming,
  type Reveal,
} from "@gift-grab/contracts";
import {
  appendInput,
  createRng,
  INPUT_MAX,
  type InputRuns,
  nextInt,
  type Orientation,
} from "@gift-grab/simulation";
import { clock, currentRound, liveRoundMatch } from "../../src/rounds/live/match";

export interface DriveSpec {
  seed: number;
  duration_ms: number;
  orientation: Orientation;
  bot_seed: number;
  /** Every n-th input message is lost (0: none). */
  lose_every: number;
  /** Every n-th input message arrives two loops late (0: none). */
  late_every: number;
  /** Asks to pause at this tick (0: never) and to resume 20 loops later. */
  pause_at: number;
}

export interface DriveResult {
  /** FNV-1a over every message the handler sent, op code and bytes, in order. */
  digest: string;
  messages: number;
  bytes: number;
  score: number;
  gifts: number;
  power_ups_used: number;
  hash: string;
  /** What the server played (the replay it stores). */
  inputs: InputRuns;
  end: EndMessage | null;
  dropped: string;
}

const USER = "00000000-0000-4000-8000-000000000001";
const SESSION = "00000000-0000-4000-8000-00000000000a";
const T0 = 1_800_000_000_000;

function fakeNk(): nkruntime.Nakama {
  const stored = new Map<string, nkruntime.StorageObject>();
  let best: nkruntime.LeaderboardRecord | null = null;
  const nk = {
    leaderboardRecordsList: () => ({ ownerRecords: best ? [best] : [], records: [] }),
    leaderboardRecordWrite: (_id: string, ownerId: string, username: string, score: number) => {
      if (!best || score > best.score)
        best = { ownerId, username, score, rank: 1 } as nkruntime.LeaderboardRecord;
      return best;
    },
    storageRead: (reads: nkruntime.StorageReadRequest[]) =>
      reads.flatMap((r) => stored.get(`${r.collection}/${r.key}`) ?? []),
    storageWrite: (writes: nkruntime.StorageWriteRequest[]) =>
      writes.map((w) => {
        stored.set(`${w.collection}/${w.key}`, {
          ...w,
          version: "v",
        } as unknown as nkruntime.StorageObject);
        return { collection: w.collection, key: w.key, userId: w.userId, version: "v" };
      }),
  };
  return nk as unknown as nkruntime.Nakama;
}

const logger = {
  debug() {},
  info() {},
  warn() {},
  error(format: string, ...args: unknown[]) {
    throw new Error(`the handler logged an error: ${format} ${args.join(" ")}`);
  },
} as unknown as nkruntime.Logger;

export function driveLiveRound(spec: DriveSpec): DriveResult {
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

function drive(spec: DriveSpec, now: () => number, wait: (ms: number) => void): DriveResult {
  const nk = fakeNk();
  const ctx = {
    env: { ROUND_DURATION_MS: String(spec.duration_ms), LIVE_START_DELAY_MS: "150" },
    matchId: "match.node",
  } as unknown as nkruntime.Context;
  let h = 0x811c9dc5;
  let messages = 0;
  let bytes = 0;
  const inbox: { op: number; data: Uint8Array }[] = [];
  const presence = {
    userId: USER,
    sessionId: SESSION,
    username: "bot",
    node: "n",
  } as nkruntime.Presence;
  const dispatcher = {
    broadcastMessage(op: number, data: ArrayBuffer) {
      const b = new Uint8Array(data);
      h = Math.imul(h ^ op, 0x01000193);
      for (let i = 0; i < b.length; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
      messages += 1;
      bytes += b.length;
      inbox.push({ op, data: b });
    },
    matchKick() {},
  } as unknown as nkruntime.MatchDispatcher;

  const init = liveRoundMatch.matchInit(ctx, logger, nk, {
    user_id: USER,
    username: "bot",
    orientation: spec.orientation,
    seed: spec.seed,
  });
  let state = init.state;
  const attempt = liveRoundMatch.matchJoinAttempt(
    ctx,
    logger,
    nk,
    dispatcher,
    0,
    state,
    presence,
    {},
  );
  if (!attempt?.accept) throw new Error("the seat's own user was refused");
  state =
    liveRoundMatch.matchJoin(ctx, logger, nk, dispatcher, 0, attempt.state, [presence])?.state ??
    state;

  // The bot: what it knows comes from the server's messages only.
  const rng = createRng(spec.bot_seed);
  let gift = { x: 0, y: 0 };
  let santa = { x: 0, y: 0 };
  let startAt = 0;
  let ticks = 0;
  let end: EndMessage | null = null;
  const mine: [number, number][] = [[0, 0]];
  let sent = 0;
  const delayed: { at: number; data: ArrayBuffer }[] = [];
  let tick = 0;
  let pausedAtLoop = -1;
  let pauses = 0;
  let resumed = false;

  for (let loop = 0; loop < 100_000 && end === null; loop++) {
    for (const m of inbox.splice(0)) {
      if (m.op === LiveOp.START) {
        const s = decodeStart(m.data);
        if (!s) throw new Error("START did not decode");
        startAt = now() + s.startInMs;
        ticks = s.ticks;
        gift = s.state.gift;
        santa = s.state.santas[0] ?? santa;
      } else if (m.op === LiveOp.FRAME) {
        const f = decodeFrame(m.data);
        if (!f) throw new Error("FRAME did not decode");
        santa = f.seats[0] ?? santa;
        for (const r of f.reveals as Reveal[]) if (r.type === "gift") gift = r;
      } else if (m.op === LiveOp.PAUSED) {
        const p = decodePaused(m.data);
        if (!p) throw new Error("PAUSED did not decode");
        if (!p.paused) {
          startAt = now() - p.tick * (1000 / 60) + p.msLeft;
          resumed = true;
        }
      } else if (m.op === LiveOp.END) end = decodeEnd(m.data);
    }
    const messagesNow: nkruntime.MatchMessage[] = [];
    for (let i = delayed.length - 1; i >= 0; i--) {
      const d = delayed[i] as { at: number; data: ArrayBuffer };
      if (d.at > now()) continue;
      delayed.splice(i, 1);
      messagesNow.push(message(presence, d.data, now()));
    }
    if (spec.pause_at > 0 && pauses === 0 && tick >= spec.pause_at) {
      pauses = 1;
      pausedAtLoop = loop;
      messagesNow.push({ ...message(presence, encodePause(true), now()), opCode: LiveOp.PAUSE });
    }
    if (pausedAtLoop >= 0 && loop === pausedAtLoop + 20)
      messagesNow.push({ ...message(presence, encodePause(false), now()), opCode: LiveOp.PAUSE });
    const paused = pausedAtLoop >= 0 && !resumed;
    if (!paused && startAt > 0 && now() >= startAt) {
      const due = Math.min(ticks, Math.floor(((now() - startAt) * 60) / 1000));
      while (tick < due) {
        tick += 1;
        // Steer at the gift most of the time, wander sometimes (the server's frame is 50 ms old).
        const x = gift.x - santa.x;
        const y = gift.y - santa.y;
        const len = Math.sqrt(x * x + y * y);
        const wander = nextInt(rng, 0, 99) < 15;
        mine[tick] =
          wander || len === 0
            ? [nextInt(rng, -INPUT_MAX, INPUT_MAX), nextInt(rng, -INPUT_MAX, INPUT_MAX)]
            : [Math.round((INPUT_MAX * x) / len), Math.round((INPUT_MAX * y) / len)];
      }
      if (tick > 0) {
        const n = Math.min(9, tick);
        const data = encodeInput({
          seat: 0,
          lastTick: tick,
          inputs: mine.slice(tick - n + 1, tick + 1),
        });
        sent += 1;
        if (spec.lose_every > 0 && sent % spec.lose_every === 0) {
          // lost
        } else if (spec.late_every > 0 && sent % spec.late_every === 0)
          delayed.push({ at: now() + 100, data });
        else messagesNow.push(message(presence, data, now()));
      }
    }
    const next = liveRoundMatch.matchLoop(ctx, logger, nk, dispatcher, loop, state, messagesNow);
    if (!next) break;
    state = next.state;
    wait(1000 / LiveTiming.loopHz);
  }
  const round = currentRound();
  if (!round) throw new Error("no round");
  const seat = round.seats[0];
  const inputs: InputRuns = [];
  for (const [n, dx, dy] of seat?.log ?? [])
    for (let i = 0; i < n; i++) appendInput(inputs, dx, dy);
  return {
    digest: (h >>> 0).toString(16).padStart(8, "0"),
    messages,
    bytes,
    score: round.sim.score,
    gifts: round.sim.gifts,
    power_ups_used: round.sim.powerUpsUsed,
    hash: stateHashOf(round),
    inputs,
    end,
    dropped: seat ? JSON.stringify(seat.dropped) : "",
  };
}

function message(
  sender: nkruntime.Presence,
  data: ArrayBuffer,
  at: number,
): nkruntime.MatchMessage {
  return {
    sender,
    opCode: LiveOp.INPUT,
    data,
    reliable: true,
    receiveTimeMs: at,
  } as nkruntime.MatchMessage;
}

import { stateHash } from "@gift-grab/simulation";

function stateHashOf(round: NonNullable<ReturnType<typeof currentRound>>) {
  return stateHash(round.sim);
}
