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
  /** A race: Santas on the field (2–4; absent or 1: a solo round)… */
  seats?: number;
  /** …of which this many are players driven here (the rest the server's bots); default 2. */
  players?: number;
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
  /** What the server played (the replay it stores): seat 0's, under these rules. */
  inputs: InputRuns;
  rules_version: number;
  /** A race: every seat's, and every Santa's score. */
  race?: { inputs: InputRuns[]; scores: number[] };
  end: EndMessage | null;
  dropped: string;
  /** Gift reveals in the FRAMEs seat 0 was sent: one a grab, each sent once. */
  gift_reveals: number;
}

const USER = "00000000-0000-4000-8000-000000000001";
const SESSION = "00000000-0000-4000-8000-00000000000a";
const userOf = (i: number) => (i === 0 ? USER : `00000000-0000-4000-8000-00000000000${i + 1}`);
const sessionOf = (i: number) => (i === 0 ? SESSION : `00000000-0000-4000-8000-00000000001${i}`);
const T0 = 1_800_000_000_000;

/** What a round's results write at its end, kept in memory (the race-cost driver's too). */
export function fakeNk(): nkruntime.Nakama {
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
  let giftReveals = 0;
  const seats = spec.seats ?? 1;
  const humans = seats > 1 ? Math.min(seats, spec.players ?? 2) : 1;
  const presences = Array.from(
    { length: humans },
    (_, i) =>
      ({
        userId: userOf(i),
        sessionId: sessionOf(i),
        username: `bot${i}`,
        node: "n",
      }) as nkruntime.Presence,
  );
  // Each player's inbox: the messages addressed to its presence.
  const inboxes = presences.map(() => [] as { op: number; data: Uint8Array }[]);
  const dispatcher = {
    broadcastMessage(op: number, data: ArrayBuffer, to: nkruntime.Presence[] | null) {
      const b = new Uint8Array(data);
      h = Math.imul(h ^ op, 0x01000193);
      for (let i = 0; i < b.length; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
      messages += 1;
      bytes += b.length;
      if (op === LiveOp.FRAME && (!to || to.some((t) => t.sessionId === SESSION))) {
        const frame = decodeFrame(b);
        for (const r of frame?.reveals ?? []) if (r.type === "gift") giftReveals += 1;
      }
      presences.forEach((p, i) => {
        if (!to || to.some((t) => t.sessionId === p.sessionId)) inboxes[i]?.push({ op, data: b });
      });
    },
    matchKick() {},
  } as unknown as nkruntime.MatchDispatcher;

  const init = liveRoundMatch.matchInit(
    ctx,
    logger,
    nk,
    seats > 1
      ? {
          race: JSON.stringify({
            users: presences.map((p) => ({ user_id: p.userId, username: p.username })),
            seats,
          }),
          orientation: spec.orientation,
          seed: spec.seed,
        }
      : { user_id: USER, username: "bot", orientation: spec.orientation, seed: spec.seed },
  );
  let state = init.state;
  for (const presence of presences) {
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
  }

  // The players: what each knows comes from the server's messages to it only.
  const players = presences.map((presence, i) => ({
    presence,
    rng: createRng(spec.bot_seed + i),
    seat: 0,
    gift: { x: 0, y: 0 },
    santa: { x: 0, y: 0 },
    startAt: 0,
    ticks: 0,
    end: null as EndMessage | null,
    mine: [[0, 0]] as [number, number][],
    sent: 0,
    delayed: [] as { at: number; data: ArrayBuffer }[],
    tick: 0,
    pausedAtLoop: -1,
    pauses: 0,
    resumed: false,
  }));
  // Only the first player pauses (one pause stops every seat's clock).
  const pauser = players[0];

  for (let loop = 0; loop < 100_000 && pauser?.end === null; loop++) {
    const messagesNow: nkruntime.MatchMessage[] = [];
    players.forEach((p, i) => {
      const { presence, rng } = p;
      for (const m of (inboxes[i] ?? []).splice(0)) {
        if (m.op === LiveOp.START) {
          const s = decodeStart(m.data);
          if (!s) throw new Error("START did not decode");
          p.seat = s.seat;
          p.startAt = now() + s.startInMs;
          p.ticks = s.ticks;
          p.gift = s.state.gift;
          p.santa = s.state.santas[s.seat] ?? p.santa;
        } else if (m.op === LiveOp.FRAME) {
          const f = decodeFrame(m.data);
          if (!f) throw new Error("FRAME did not decode");
          p.santa = f.seats[p.seat] ?? p.santa;
          for (const r of f.reveals as Reveal[]) if (r.type === "gift") p.gift = r;
        } else if (m.op === LiveOp.PAUSED) {
          const d = decodePaused(m.data);
          if (!d) throw new Error("PAUSED did not decode");
          if (!d.paused) {
            p.startAt = now() - d.tick * (1000 / 60) + d.msLeft;
            p.resumed = true;
          }
        } else if (m.op === LiveOp.END) p.end = decodeEnd(m.data);
      }
      for (let k = p.delayed.length - 1; k >= 0; k--) {
        const d = p.delayed[k] as { at: number; data: ArrayBuffer };
        if (d.at > now()) continue;
        p.delayed.splice(k, 1);
        messagesNow.push(message(presence, d.data, now()));
      }
      if (p === pauser && spec.pause_at > 0 && p.pauses === 0 && p.tick >= spec.pause_at) {
        p.pauses = 1;
        p.pausedAtLoop = loop;
        messagesNow.push({ ...message(presence, encodePause(true), now()), opCode: LiveOp.PAUSE });
      }
      if (p.pausedAtLoop >= 0 && loop === p.pausedAtLoop + 20)
        messagesNow.push({ ...message(presence, encodePause(false), now()), opCode: LiveOp.PAUSE });
      // A race doesn't pause (its PAUSE is dropped): its players play on.
      const paused = seats === 1 && pauser !== undefined && pauser.pausedAtLoop >= 0 && !p.resumed;
      if (!paused && p.startAt > 0 && now() >= p.startAt) {
        const due = Math.min(p.ticks, Math.floor(((now() - p.startAt) * 60) / 1000));
        while (p.tick < due) {
          p.tick += 1;
          // Steer at the gift most of the time, wander sometimes (the server's frame is 50 ms old).
          const x = p.gift.x - p.santa.x;
          const y = p.gift.y - p.santa.y;
          const len = Math.sqrt(x * x + y * y);
          const wander = nextInt(rng, 0, 99) < 15;
          p.mine[p.tick] =
            wander || len === 0
              ? [nextInt(rng, -INPUT_MAX, INPUT_MAX), nextInt(rng, -INPUT_MAX, INPUT_MAX)]
              : [Math.round((INPUT_MAX * x) / len), Math.round((INPUT_MAX * y) / len)];
        }
        if (p.tick > 0) {
          const n = Math.min(9, p.tick);
          const data = encodeInput({
            seat: p.seat,
            lastTick: p.tick,
            inputs: p.mine.slice(p.tick - n + 1, p.tick + 1),
          });
          p.sent += 1;
          if (spec.lose_every > 0 && p.sent % spec.lose_every === 0) {
            // lost
          } else if (spec.late_every > 0 && p.sent % spec.late_every === 0)
            p.delayed.push({ at: now() + 100, data });
          else messagesNow.push(message(presence, data, now()));
        }
      }
    });
    const next = liveRoundMatch.matchLoop(ctx, logger, nk, dispatcher, loop, state, messagesNow);
    if (!next) break;
    state = next.state;
    wait(1000 / LiveTiming.loopHz);
  }
  const round = currentRound();
  if (!round) throw new Error("no round");
  const seat = round.seats[0];
  const unrolled = (log: InputRuns) => {
    const out: InputRuns = [];
    for (const [n, dx, dy] of log) for (let i = 0; i < n; i++) appendInput(out, dx, dy);
    return out;
  };
  const santas = round.result?.santas ?? [];
  return {
    digest: (h >>> 0).toString(16).padStart(8, "0"),
    messages,
    bytes,
    score: round.sim.score,
    gifts: round.sim.gifts,
    power_ups_used: round.sim.powerUpsUsed,
    hash: stateHashOf(round),
    inputs: unrolled(seat?.log ?? []),
    rules_version: round.rulesVersion,
    ...(round.race
      ? {
          race: {
            inputs: round.seats.map((s) => unrolled(s.log)),
            scores: santas.map((r) => r.score),
          },
        }
      : {}),
    end: pauser?.end ?? null,
    dropped: seat ? JSON.stringify(seat.dropped) : "",
    gift_reveals: giftReveals,
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
