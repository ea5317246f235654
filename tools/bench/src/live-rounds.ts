// Live rounds under load: bots over real sockets (raw `ws`, Nakama's JSON protocol: lighter
// than nakama-js in the load generator) each play a whole live solo round against the real
// server. The players arrive one after another over `arriveMs` (5 s unless told), each opening
// its round (live_round_create) and joining it at once, so every round plays together from the
// last one's tick 0 to the first END (a round's length less the arrivals, ~15 s of 20 s rounds).
// The server's side is read from the line each match logs when it closes (loops, loops slower
// than 5 ms, gaps more than 20 % over the 50 ms interval), split by the round's phase: before
// tick 0 (the wait for the player and the countdown), playing, and END and after (the loop that
// writes the result, then the linger). A count passes when every round completes and, over the
// playing loops of all its rounds, both stay under 1 % (p99 ≤ 5 ms, tick interval p99 within
// 20 %). The other phases' loops, and every loop together, are printed beside it and not judged:
// what a burst of arrivals or of results costs is the creation's and the results' own figure.
import fs from "node:fs";
import os from "node:os";
import {
  decodeEnd,
  decodeFrame,
  decodeStart,
  encodeInput,
  LIVE_ROUND_CREATE,
  LiveOp,
  LiveTiming,
  PLAYER_STATS_GET,
} from "@gift-grab/contracts";
import { startTestStack, type TestStack } from "@gift-grab/devkit";
import { INPUT_MAX } from "@gift-grab/simulation";
import WebSocket from "ws";
import { NakamaHttp } from "./http";
import { profileDir, profileNakama } from "./profile";
import { pool } from "./stats";

export interface LiveBenchOptions {
  /** Concurrent rounds to try, in order; the bench stops at the first that fails. */
  counts: number[];
  roundMs: number;
  /**
   * Over how long the players arrive, each opening its round and joining it at once (default
   * 5 s): every round then plays together from the last one's tick 0 to the first END.
   */
  arriveMs?: number;
  /** live_round_create calls timed for the creation cost (default 80). */
  creationProbes?: number;
  log?: (line: string) => void;
}

/**
 * How often a bot sends its inputs, and how many ticks each message carries: as the game does
 * (contracts' inputDue), one a match loop at most while its direction changes and a
 * keep-alive while it holds, each with the last LiveTiming.inputTicks ticks. Every message
 * costs the server far more than its bytes. LIVE_BENCH_SEND_MS=<ms> sends at a fixed
 * interval instead (the bench before issue 26's cadence: 50), to compare.
 */
const FIXED_SEND_MS = process.env.LIVE_BENCH_SEND_MS
  ? Number(process.env.LIVE_BENCH_SEND_MS)
  : null;
const REDUNDANCY = FIXED_SEND_MS
  ? Math.min(LiveTiming.maxInputTicks, Math.ceil((FIXED_SEND_MS * 60) / 1000) * 3)
  : LiveTiming.inputTicks;

/**
 * A bot turns to a new gift this long after it appeared, as a person does: one that turns
 * within a loop is held for review (docs/realtime.md "Plausibility"), which would bench the
 * queue's writes instead of the board's.
 */
const REACTION_MS = 250;

/** Over how long a run's players arrive, unless told (`--arrive-ms`). */
export const DEFAULT_ARRIVE_MS = 5_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The machine's load averages (1, 5, 15 min): a figure is read with the load it was taken at. */
export const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

export function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN) / 1024;
}

/** User + system CPU of a process so far, ms. */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export interface BotResult {
  ended: boolean;
  score: number;
  /** Match data payloads, before base64 and Nakama's JSON envelope. */
  bytesIn: number;
  bytesOut: number;
  /** Whole socket messages (JSON envelopes) of the match's data, as they cross the wire. */
  wireIn: number;
  wireOut: number;
  /** INPUT messages sent. */
  inputsSent: number;
  /** Wall time (Date.now) of the round's tick 0 by its START, and of its END; 0 if none came. */
  tick0At: number;
  endAt: number;
  /** ms from the socket's opening to its closing: the bytes' per-second figures divide by it. */
  socketMs: number;
}

/**
 * One bot: joins, plays its seat by the round's clock steering at the gift it was told about,
 * leaves at END. `joined` resolves when the server answered the join (a lobby sends START
 * only when its host starts).
 */
export function playRound(
  http: NakamaHttp,
  token: string,
  matchId: string,
  timeoutMs: number,
  joined?: () => void,
) {
  return new Promise<BotResult>((resolve) => {
    const ws = new WebSocket(http.socketUrl(token));
    const result: BotResult = {
      ended: false,
      score: 0,
      bytesIn: 0,
      bytesOut: 0,
      wireIn: 0,
      wireOut: 0,
      inputsSent: 0,
      tick0At: 0,
      endAt: 0,
      socketMs: 0,
    };
    const openedAt = Date.now();
    let seat = 0;
    let startAt = 0;
    let ticks = 0;
    let gift = { x: 0, y: 0 };
    let nextGift: { x: number; y: number; seenAt: number } | null = null;
    let santa = { x: 0, y: 0 };
    const inputs: [number, number][] = [[0, 0]];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    /** When the last INPUT went, and the direction of its newest tick. */
    let sentAt = Number.NEGATIVE_INFINITY;
    let sentDir: [number, number] | null = null;
    let sentTick = 0;
    const finish = () => {
      done = true;
      clearInterval(timer);
      clearTimeout(timer);
      clearTimeout(deadline);
      ws.close();
      result.socketMs = Date.now() - openedAt;
      resolve(result);
    };
    /** The bot turns to a gift it was told about REACTION_MS after it appeared. */
    const turn = () => {
      if (nextGift && Date.now() - nextGift.seenAt >= REACTION_MS) {
        gift = nextGift;
        nextGift = null;
      }
    };
    /**
     * The direction the bot steers now: at the gift it turned to; before it turns to a new
     * one, on as before.
     */
    const direction = (): [number, number] => {
      if (nextGift) return inputs[inputs.length - 1] ?? [0, 0];
      const x = gift.x - santa.x;
      const y = gift.y - santa.y;
      const len = Math.sqrt(x * x + y * y);
      return len === 0
        ? [0, 0]
        : [Math.round((INPUT_MAX * x) / len), Math.round((INPUT_MAX * y) / len)];
    };
    /**
     * When the next INPUT may go, by inputDue's rule: a loop after the last one if the
     * direction changed since (it changes only when the server's messages move Santa or it
     * turns to a new gift), else a keep-alive later.
     */
    const sendAt = () => {
      const d = direction();
      const changed = !sentDir || d[0] !== sentDir[0] || d[1] !== sentDir[1];
      return Math.max(
        startAt + 1000 / 60,
        sentAt + (changed ? LiveTiming.inputChangeMs : LiveTiming.inputHoldMs),
      );
    };
    /** Waits for the next INPUT, or for the bot to turn (its direction changes then). */
    const schedule = () => {
      if (done || startAt === 0) return;
      if (FIXED_SEND_MS) {
        timer ??= setInterval(send, FIXED_SEND_MS);
        return;
      }
      turn();
      let at = sendAt();
      if (nextGift) at = Math.min(at, nextGift.seenAt + REACTION_MS);
      clearTimeout(timer);
      timer = setTimeout(wake, Math.max(0, at - Date.now()));
    };
    const wake = () => {
      if (done) return;
      turn();
      if (Date.now() >= sendAt()) send();
      else schedule();
    };
    const deadline = setTimeout(finish, timeoutMs);
    ws.on("open", () => ws.send(JSON.stringify({ cid: "1", match_join: { match_id: matchId } })));
    ws.on("error", finish);
    ws.on("message", (raw) => {
      const text = String(raw);
      const env = JSON.parse(text);
      if (env.cid === "1") joined?.();
      const m = env.match_data;
      if (!m) return;
      const data = Buffer.from(m.data ?? "", "base64");
      result.bytesIn += data.byteLength;
      result.wireIn += Buffer.byteLength(text);
      const op = Number(m.op_code);
      if (op === LiveOp.START) {
        const s = decodeStart(data);
        if (!s) return;
        startAt = Date.now() + s.startInMs;
        result.tick0At = startAt;
        ticks = s.ticks;
        seat = s.seat;
        gift = s.state.gift;
        nextGift = null;
        santa = s.state.santas[seat] ?? santa;
        schedule();
      } else if (op === LiveOp.FRAME) {
        const f = decodeFrame(data);
        if (!f) return;
        santa = f.seats[seat] ?? santa;
        for (const r of f.reveals)
          if (r.type === "gift") nextGift = { x: r.x, y: r.y, seenAt: Date.now() };
        schedule();
      } else if (op === LiveOp.END) {
        const e = decodeEnd(data);
        result.ended = e?.reason === "completed";
        result.endAt = Date.now();
        result.score = e?.score ?? 0;
        finish();
      }
    });
    function send() {
      if (done) return;
      const due = Math.min(ticks, Math.floor(((Date.now() - startAt) * 60) / 1000));
      turn();
      while (inputs.length <= due) inputs.push(direction());
      // Nothing new to send (before tick 1, or every tick sent): as the game, wait a tick.
      if (due < 1 || (!FIXED_SEND_MS && due <= sentTick)) {
        if (!FIXED_SEND_MS) {
          clearTimeout(timer);
          timer = setTimeout(wake, 1000 / 60);
        }
        return;
      }
      const n = Math.min(REDUNDANCY, due);
      const bytes = Buffer.from(
        encodeInput({ seat, lastTick: due, inputs: inputs.slice(due - n + 1, due + 1) }),
      );
      result.bytesOut += bytes.byteLength;
      const message = JSON.stringify({
        match_data_send: {
          match_id: matchId,
          op_code: LiveOp.INPUT,
          data: bytes.toString("base64"),
        },
      });
      result.wireOut += Buffer.byteLength(message);
      ws.send(message);
      result.inputsSent += 1;
      sentAt = Date.now();
      sentTick = due;
      sentDir = inputs[due] ?? null;
      schedule();
    }
  });
}

export const LOOP_PHASES = ["before", "playing", "after"] as const;
export type LoopPhase = (typeof LOOP_PHASES)[number];

/** Loops of some matches (or one phase of them): counts and worsts. */
export interface Loops {
  loops: number;
  slow: number;
  late: number;
  maxLoop: number;
  maxGap: number;
}

const noLoops = (): Loops => ({ loops: 0, slow: 0, late: 0, maxLoop: 0, maxGap: 0 });

function addLoops(
  into: Loops,
  loops: number,
  slow: number,
  late: number,
  maxLoop: number,
  maxGap: number,
) {
  into.loops += loops;
  into.slow += slow;
  into.late += late;
  into.maxLoop = Math.max(into.maxLoop, maxLoop);
  into.maxGap = Math.max(into.maxGap, maxGap);
}

/**
 * The close lines of these matches in the stack's log (rounds/live/loop-stats.ts): the
 * totals, and each phase's (`before` tick 0, `playing`, `after` the END) where the line has them.
 */
export function loopStats(stack: TestStack, matchIds: Set<string>) {
  const re =
    /live round (\S+) closed: loops=(\d+) slow_loops=(\d+) late_gaps=(\d+) max_loop_ms=(\d+) max_gap_ms=(\d+)(?: before=([\d,]+) playing=([\d,]+) after=([\d,]+))?/;
  const total = { matches: 0, ...noLoops() };
  const phases: Record<LoopPhase, Loops> = {
    before: noLoops(),
    playing: noLoops(),
    after: noLoops(),
  };
  for (const line of fs.readFileSync(stack.logFile, "utf8").split("\n")) {
    const m = line.match(re);
    if (!m || !matchIds.has(String(m[1]))) continue;
    total.matches += 1;
    addLoops(total, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    LOOP_PHASES.forEach((phase, i) => {
      const field = m[7 + i];
      if (!field) return;
      const [loops = 0, slow = 0, late = 0, maxLoop = 0, maxGap = 0] = field.split(",").map(Number);
      addLoops(phases[phase], loops, slow, late, maxLoop, maxGap);
    });
  }
  return { ...total, phases };
}

/** One phase's loops as the bench prints them: shares of that phase's own loops. */
export function phaseFigures(l: Loops) {
  return {
    loops: l.loops,
    slow_loop_pct: (100 * l.slow) / Math.max(1, l.loops),
    late_gap_pct: (100 * l.late) / Math.max(1, l.loops),
    max_loop_ms: l.maxLoop,
    max_gap_ms: l.maxGap,
  };
}
export type PhaseFigures = ReturnType<typeof phaseFigures>;

const PHASE_NAMES: Record<LoopPhase, string> = {
  before: "before tick 0",
  playing: "playing",
  after: "END and after",
};

/** Each phase's line under a run's. */
export function describePhases(phases: Record<LoopPhase, PhaseFigures>, indent = "    ") {
  return LOOP_PHASES.map((phase) => {
    const p = phases[phase];
    return `${indent}${PHASE_NAMES[phase]}: ${p.loops} loops, slow ${p.slow_loop_pct.toFixed(2)} %, late gaps ${p.late_gap_pct.toFixed(2)} % (max loop ${p.max_loop_ms} ms, max gap ${p.max_gap_ms} ms)`;
  });
}

export function phasesOf(loops: ReturnType<typeof loopStats>) {
  return {
    before: phaseFigures(loops.phases.before),
    playing: phaseFigures(loops.phases.playing),
    after: phaseFigures(loops.phases.after),
  };
}

/**
 * The window in which every round of a run plays: from the last tick 0 to the first END (by
 * the bots' clocks, from START and END). Empty (`ms` ≤ 0) when the arrivals took longer than
 * a round.
 */
export function allPlaying(results: BotResult[]) {
  let from = 0;
  let to = Number.POSITIVE_INFINITY;
  for (const r of results) {
    from = Math.max(from, r.tick0At);
    if (r.endAt > 0) to = Math.min(to, r.endAt);
  }
  return { from, to, ms: to - from };
}

/**
 * Nakama's CPU (and peak RSS) sampled every 250 ms while a run plays, so its CPU can be read
 * over the window in which every round plays rather than over the arrivals and ends.
 */
export function serverSampler(pid: number | undefined) {
  const samples: { at: number; cpu: number }[] = [];
  let rssPeak = rssMb(pid);
  const take = () => {
    samples.push({ at: Date.now(), cpu: cpuMs(pid) });
    rssPeak = Math.max(rssPeak, rssMb(pid));
  };
  take();
  const timer = setInterval(take, 250);
  return {
    stop() {
      clearInterval(timer);
      take();
    },
    get rssPeak() {
      return rssPeak;
    },
    /** % of one core between the samples just inside [from, to]. */
    cpuPct(from: number, to: number) {
      const inside = samples.filter((x) => x.at >= from && x.at <= to);
      const a = inside[0];
      const b = inside.at(-1);
      if (!a || !b || b.at <= a.at) return Number.NaN;
      return (100 * (b.cpu - a.cpu)) / (b.at - a.at);
    },
  };
}

/** Payload bytes a second per player, over each bot's own time on its socket. */
export function perPlayerPerS(
  results: BotResult[],
  k: "bytesIn" | "bytesOut" | "wireIn" | "wireOut" | "inputsSent",
) {
  const ms = results.reduce((s, r) => s + r.socketMs, 0);
  return (1000 * results.reduce((s, r) => s + r[k], 0)) / Math.max(1, ms);
}

export async function signIns(http: NakamaHttp, n: number) {
  const tokens: string[] = [];
  await pool(Array.from({ length: n }), 20, async (_, i) => {
    tokens[i] = await http.authenticateDevice();
  });
  return tokens;
}

export async function measureLiveRounds({
  counts,
  roundMs,
  arriveMs = DEFAULT_ARRIVE_MS,
  creationProbes = 80,
  log = console.log,
}: LiveBenchOptions) {
  const stack = await startTestStack({
    name: "bench-live",
    // Another build of the module to compare (e.g. before a change): LIVE_BENCH_MODULE=dir.
    ...(process.env.LIVE_BENCH_MODULE ? { runtimePath: process.env.LIVE_BENCH_MODULE } : {}),
    runtimeEnv: {
      ROUND_DURATION_MS: String(roundMs),
      ROUND_STARTS_PER_MINUTE: "1000",
      LIVE_JOIN_TIMEOUT_MS: "4000",
      LIVE_START_DELAY_MS: "2000",
      LIVE_LINGER_MS: "1000",
    },
  });
  const pid = stack.nakama.pid;
  try {
    const http = new NakamaHttp(stack.port);
    // Creation: a live_round_create (a match, its VM, the bundle's top level) against a
    // cheap RPC of the same player, one call at a time; RSS of the idle matches.
    const probe = await signIns(http, creationProbes);
    const rss0 = rssMb(pid);
    const extra: number[] = [];
    for (const token of probe) {
      let t0 = performance.now();
      await http.rpc(token, PLAYER_STATS_GET, {});
      const rpcMs = performance.now() - t0;
      t0 = performance.now();
      await http.rpc(token, LIVE_ROUND_CREATE, {});
      extra.push(performance.now() - t0 - rpcMs);
    }
    extra.sort((a, b) => a - b);
    const creation = {
      matches: probe.length,
      /** The median over the probes: a busy machine moves single calls, not the median. */
      ms_per_match: extra[extra.length >> 1] ?? Number.NaN,
      idle_rss_mb_per_match: (rssMb(pid) - rss0) / probe.length,
    };
    log(
      `live: creating a match ${creation.ms_per_match.toFixed(1)} ms, idle ${creation.idle_rss_mb_per_match.toFixed(2)} MB each`,
    );
    await sleep(6_000); // the probes' matches close (nobody joined)

    const runs = [];
    let capacity = 0;
    for (const n of counts) {
      const tokens = await signIns(http, n);
      // Players arrive one after another over arriveMs, each opening its round and joining it.
      const measured = await measureRun(stack, arriveMs, `live-${n}`, (matchIds) =>
        Promise.all(
          tokens.map(async (token, i) => {
            await sleep((i * arriveMs) / n);
            const { match_id } = (await http.rpc(token, LIVE_ROUND_CREATE, {})) as {
              match_id: string;
            };
            matchIds[i] = match_id;
            return playRound(http, token, match_id, roundMs + 20_000);
          }),
        ),
      );
      const { results } = measured;
      const run = {
        rounds: n,
        ...measured.figures,
        rss_mb_per_round: measured.rssGrowthMb / n,
        bytes_in_per_s: perPlayerPerS(results, "bytesIn"),
        bytes_out_per_s: perPlayerPerS(results, "bytesOut"),
      };
      const ok = run.completed === n && run.slow_loop_pct <= 1 && run.late_gap_pct <= 1;
      runs.push({ ...run, ok });
      for (const line of describeLiveRun({ ...run, ok })) log(`live: ${line}`);
      if (!ok) break;
      capacity = n;
    }
    return { creation, runs, capacity };
  } finally {
    await stack.stop();
  }
}

/**
 * One count's run, measured alike for live rounds and races: `play` plays every round (each
 * match's id into `matchIds`) while the server is sampled and, opted in (BENCH_PROFILE_DIR),
 * profiled once all play (`label`). Then its loops (what a count is judged on: those while the
 * rounds play, phases.playing), the server's RSS growth, CPU and load.
 */
export async function measureRun(
  stack: TestStack,
  arriveMs: number,
  label: string,
  play: (matchIds: string[]) => Promise<BotResult[]>,
) {
  const pid = stack.nakama.pid;
  const loadBefore = loadAvg();
  const rssStart = rssMb(pid);
  const server = serverSampler(pid);
  const bots0 = process.cpuUsage();
  const t0 = performance.now();
  const dir = profileDir();
  const profiled = dir
    ? sleep(arriveMs + 4_000).then(() => profileNakama(stack.consolePort, dir, label))
    : Promise.resolve();
  const matchIds: string[] = [];
  const results = await play(matchIds);
  await profiled;
  const wallMs = performance.now() - t0;
  server.stop();
  const botsCpu = process.cpuUsage(bots0);
  await sleep(2_500); // the matches close and log
  const loops = loopStats(stack, new Set(matchIds));
  const window = allPlaying(results);
  const phases = phasesOf(loops);
  return {
    results,
    rssGrowthMb: server.rssPeak - rssStart,
    figures: {
      completed: results.filter((r) => r.ended).length,
      matches_logged: loops.matches,
      arrive_ms: arriveMs,
      all_playing_ms: window.ms,
      /** What a count is judged on: the loops while the rounds play (phases.playing). */
      slow_loop_pct: phases.playing.slow_loop_pct,
      late_gap_pct: phases.playing.late_gap_pct,
      max_loop_ms: phases.playing.max_loop_ms,
      max_gap_ms: phases.playing.max_gap_ms,
      /** Every loop of every match, from its creation to its close (the bursts included). */
      all: phaseFigures(loops),
      phases,
      server_cpu_pct: server.cpuPct(window.from, window.to),
      server_cpu_pct_whole_run: server.cpuPct(0, Number.POSITIVE_INFINITY),
      bots_cpu_pct: (100 * (botsCpu.user + botsCpu.system)) / 1000 / wallMs,
      load_before: loadBefore,
      load_after: loadAvg(),
    },
  };
}

type LiveRun = Awaited<ReturnType<typeof measureLiveRounds>>["runs"][number];

/** A run's lines: what it is judged on (the playing loops), then every phase's figures. */
function describeLiveRun(x: LiveRun): string[] {
  return [
    `${x.rounds} rounds arriving over ${x.arrive_ms / 1000} s, all playing for ${(x.all_playing_ms / 1000).toFixed(1)} s: ${x.completed} completed; while playing slow loops ${x.slow_loop_pct.toFixed(2)} %, late gaps ${x.late_gap_pct.toFixed(2)} % (max loop ${x.max_loop_ms} ms, max gap ${x.max_gap_ms} ms) ${x.ok ? "ok" : "FAIL"}`,
    `  every loop: slow ${x.all.slow_loop_pct.toFixed(2)} %, late gaps ${x.all.late_gap_pct.toFixed(2)} % (max loop ${x.all.max_loop_ms} ms, max gap ${x.all.max_gap_ms} ms)`,
    ...describePhases(x.phases, "  "),
    `  server CPU ${x.server_cpu_pct.toFixed(0)} % while all play (${x.server_cpu_pct_whole_run.toFixed(0)} % over the run), bots CPU ${x.bots_cpu_pct.toFixed(0)} %, ${x.rss_mb_per_round.toFixed(2)} MB/round, payload ${x.bytes_in_per_s.toFixed(0)} B/s down ${x.bytes_out_per_s.toFixed(0)} B/s up per player, load ${x.load_before} → ${x.load_after}`,
  ];
}

export function formatLiveRounds(r: Awaited<ReturnType<typeof measureLiveRounds>>) {
  return [
    `live rounds: creating a match ${r.creation.ms_per_match.toFixed(1)} ms (idle ${r.creation.idle_rss_mb_per_match.toFixed(2)} MB)`,
    ...r.runs.flatMap((x) => describeLiveRun(x).map((line) => `  ${line}`)),
    ...impliedByCpu(r),
    `capacity live_solo_rounds: ${r.capacity}`,
  ].join("\n");
}

/**
 * When other work (or the bots) starves Nakama, the loop criteria fail for want of CPU, not
 * for the rounds: the server's CPU per round, from the largest count run, and the count it
 * implies for two whole cores.
 */
function impliedByCpu(r: Awaited<ReturnType<typeof measureLiveRounds>>) {
  const last = r.runs.at(-1);
  if (!last || last.rounds === 0) return [];
  const perRound = last.server_cpu_pct / last.rounds;
  return [
    `  server CPU per live round: ${perRound.toFixed(2)} % of a core (at ${last.rounds} rounds): ${Math.floor(200 / perRound)} rounds would fill two cores`,
  ];
}
