// The load benchmark: virtual players over loopback against two real stacks started in
// the same run — ours, and a baseline (same Nakama build, a module with no hooks or RPCs
// and a client-writable board) — so results are ratios, not absolute claims.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LIVE_ROUND_CREATE, SESSION_CHECK } from "@gift-grab/contracts";
import { startTestStack, type TestStack } from "@gift-grab/devkit";
import WebSocket from "ws";
import { NakamaHttp } from "./http";
import { pool, Samples, type Summary } from "./stats";

const here = path.dirname(fileURLToPath(import.meta.url));
const baselineModule = path.resolve(here, "../baseline-module");
const BOARD = "weekly_leaderboard";

export interface BenchOptions {
  /** Virtual players playing at the same time. */
  players: number;
  /** Sockets held open at the end. */
  sockets: number;
  /** Rounds each player plays, back to back. */
  rounds?: number;
  /** Round length: players start spread over one round, like players arriving. */
  roundMs?: number;
  /** Sign-ins in flight at once in the sign-in throughput phase. */
  signInConcurrency?: number;
  /**
   * Sign-in rounds, each a sign-up and a returning sign-in of `players` new devices on both
   * stacks, interleaved; the median round of each is reported. One phase takes well under a
   * second, so on a shared machine one burst of other work moves one round, not the result.
   */
  signInRounds?: number;
  log?: (line: string) => void;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed<T>(fn: () => Promise<T>) {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** Sign-in throughput: one device sign-in per id, `concurrency` in flight. */
async function signIns(http: NakamaHttp, name: string, deviceIds: string[], concurrency: number) {
  const samples = new Samples(name);
  const tokens: string[] = [];
  const t0 = performance.now();
  await pool(deviceIds, concurrency, async (id, i) => {
    const token = await samples.time(() => http.authenticateDevice(id));
    if (token) tokens[i] = token;
  });
  return { summary: samples.summary(performance.now() - t0), tokens };
}

type SignIns = Awaited<ReturnType<typeof signIns>>;

/** The round whose throughput is the median of the rounds', with every round's errors. */
function medianRound(rounds: SignIns[]): SignIns {
  const sorted = [...rounds].sort((x, y) => x.summary.per_sec - y.summary.per_sec);
  const median = sorted[Math.floor(sorted.length / 2)] as SignIns;
  const errors = rounds.reduce((sum, r) => sum + r.summary.errors, 0);
  const firstError = rounds.find((r) => r.summary.first_error)?.summary.first_error ?? null;
  return { ...median, summary: { ...median.summary, errors, first_error: firstError } };
}

const newDevices = (n: number) => Array.from({ length: n }, () => randomUUID());

/**
 * Players arrive spread over one round and play `rounds` rounds back to back: the load of
 * `players` people playing at once, compressed in time by 30 s / roundMs.
 */
async function playRounds(
  tokens: string[],
  rounds: number,
  roundMs: number,
  play: (token: string, i: number) => Promise<void>,
) {
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token, i) => {
      await sleep((i / tokens.length) * roundMs);
      for (let r = 0; r < rounds; r++) await play(token, i);
    }),
  );
  return performance.now() - t0;
}

function openSockets(
  http: NakamaHttp,
  tokens: string[],
): Promise<{ sockets: WebSocket[]; failed: number }> {
  const sockets: WebSocket[] = [];
  let failed = 0;
  return pool(
    tokens,
    100,
    (token) =>
      new Promise<void>((resolve) => {
        const ws = new WebSocket(http.socketUrl(token));
        ws.once("open", () => {
          sockets.push(ws);
          resolve();
        });
        ws.once("error", () => {
          failed++;
          resolve();
        });
      }),
  ).then(() => ({ sockets, failed }));
}

export async function runBench({
  players,
  sockets,
  rounds = 2,
  roundMs = 5000,
  signInConcurrency = 16,
  signInRounds = 5,
  log = console.log,
}: BenchOptions) {
  log("starting two stacks (ours and the baseline)…");
  const ours: TestStack = await startTestStack({
    name: "bench",
    // Raised: 200 players sign up from one address; the abuse section runs the defaults.
    limits: "raised",
    // The rounds' matches are opened, not joined (live-rounds.ts plays them): each closes
    // after the join timeout, shortened so the idle VMs don't pile up behind the calls timed.
    runtimeEnv: {
      ROUND_DURATION_MS: String(roundMs),
      ROUND_STARTS_PER_MINUTE: "1000",
      LIVE_JOIN_TIMEOUT_MS: "2000",
    },
    config: { logger: { level: "WARN" } },
  });
  const base: TestStack = await startTestStack({
    name: "bench-baseline",
    runtimePath: baselineModule,
    config: { logger: { level: "WARN" } },
  });
  try {
    const a = new NakamaHttp(ours.port);
    const b = new NakamaHttp(base.port);

    // VM warm-up: a Nakama restart builds its pool of JS VMs, each running the bundle's top level.
    const restartOurs = await timed(() => ours.restartNakama());
    const restartBase = await timed(() => base.restartNakama());

    log(
      `sign-in: ${players} players on each stack, ${signInConcurrency} at a time, ${signInRounds} rounds…`,
    );
    await signIns(b, "warm-up", newDevices(Math.min(20, players)), signInConcurrency);
    await signIns(a, "warm-up", newDevices(Math.min(20, players)), signInConcurrency);
    const newBases: SignIns[] = [];
    const newOurs: SignIns[] = [];
    const signInBases: SignIns[] = [];
    const signInOurs: SignIns[] = [];
    for (let round = 0; round < signInRounds; round++) {
      const devicesA = newDevices(players);
      const devicesB = newDevices(players);
      newBases.push(
        await signIns(b, "sign-up, new player (baseline: no hooks)", devicesB, signInConcurrency),
      );
      newOurs.push(
        await signIns(a, "sign-up, new player (our hooks)", devicesA, signInConcurrency),
      );
      // Returning players: the common case, and the one where our hooks end older logins.
      signInBases.push(
        await signIns(b, "sign-in, returning (baseline: no hooks)", devicesB, signInConcurrency),
      );
      signInOurs.push(
        await signIns(a, "sign-in, returning (our hooks)", devicesA, signInConcurrency),
      );
    }
    const newBase = medianRound(newBases);
    const newOur = medianRound(newOurs);
    const signInBase = medianRound(signInBases);
    const signIn = medianRound(signInOurs);

    log(`rounds: ${players} players × ${rounds} rounds of ${roundMs} ms…`);
    const starts = new Samples("live_round_create");
    const lists = new Samples("leaderboard list");
    const checks = new Samples("session_check (lightest RPC)");
    // A round's calls: the match is opened, the round lasts its length (played over a socket,
    // which live-rounds.ts measures), then the board and a session check.
    const oursWall = await playRounds(signIn.tokens, rounds, roundMs, async (token) => {
      const opened = await starts.time(() => a.rpc(token, LIVE_ROUND_CREATE, {}));
      if (!opened) return;
      await sleep(roundMs + 20);
      await lists.time(() => a.listRecords(token, BOARD));
      await checks.time(() => a.rpc(token, SESSION_CHECK, {}));
    });
    const writes = new Samples("leaderboard write (baseline: client-writable board)");
    const baseLists = new Samples("leaderboard list (baseline)");
    const baseWall = await playRounds(signInBase.tokens, rounds, roundMs, async (token, i) => {
      await sleep(roundMs + 20);
      await writes.time(() => b.writeRecord(token, "bench_baseline", i % 5));
      await baseLists.time(() => b.listRecords(token, "bench_baseline"));
    });

    log(`sockets: opening ${sockets}…`);
    const tokens = signIn.tokens.filter(Boolean);
    if (tokens.length < sockets)
      tokens.push(
        ...(await signIns(a, "more", newDevices(sockets - tokens.length), signInConcurrency))
          .tokens,
      );
    const rssBefore = rssMb(ours.nakama.pid);
    const opened = await openSockets(a, tokens.slice(0, sockets));
    await sleep(500);
    const rssAfter = rssMb(ours.nakama.pid);
    for (const ws of opened.sockets) ws.terminate();

    const roundCalls = [starts, lists, checks].map((s) => s.summary(oursWall));
    const baseCalls = [writes, baseLists].map((s) => s.summary(baseWall));
    const calls: Summary[] = [
      newOur.summary,
      newBase.summary,
      signIn.summary,
      signInBase.summary,
      ...roundCalls,
      ...baseCalls,
    ];
    const create = roundCalls[0] as Summary;
    const write = baseCalls[0] as Summary;
    const ratios = {
      live_round_create_p50_vs_baseline_write: create.p50 / write.p50,
      live_round_create_p99_vs_baseline_write: create.p99 / write.p99,
      sign_in_throughput_vs_baseline: signIn.summary.per_sec / signInBase.summary.per_sec,
      sign_in_p50_vs_baseline: signIn.summary.p50 / signInBase.summary.p50,
      sign_up_throughput_vs_baseline: newOur.summary.per_sec / newBase.summary.per_sec,
    };
    return {
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? "?",
        memory_gb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        load_avg_1m: os.loadavg()[0] ?? 0,
      },
      options: {
        players,
        sockets,
        rounds,
        round_ms: roundMs,
        sign_in_concurrency: signInConcurrency,
        sign_in_rounds: signInRounds,
      },
      calls,
      ratios,
      targets: {
        [`live_round_create p99 < 50 ms at ${players} players`]: create.p99 < 50,
        "sign-in (returning) throughput >= 0.9x baseline":
          ratios.sign_in_throughput_vs_baseline >= 0.9,
        "sign-up (new) throughput >= 0.9x baseline": ratios.sign_up_throughput_vs_baseline >= 0.9,
      },
      sockets: {
        requested: sockets,
        open: opened.sockets.length,
        failed: opened.failed,
        rss_before_mb: rssBefore,
        rss_after_mb: rssAfter,
        kb_per_socket: ((rssAfter - rssBefore) * 1024) / Math.max(1, opened.sockets.length),
      },
      warmup: {
        restart_ours_ms: restartOurs.ms,
        restart_baseline_ms: restartBase.ms,
        module_cost_ms: restartOurs.ms - restartBase.ms,
        bundle_kb:
          fs.statSync(path.resolve(here, "../../../apps/server/dist/index.js")).size / 1024,
      },
    };
  } finally {
    await ours.stop();
    await base.stop();
  }
}

export type BenchResult = Awaited<ReturnType<typeof runBench>>;

export function formatTable(r: BenchResult): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
  const lines = [
    `machine: ${r.machine.cpus} cores (${r.machine.cpu}), ${r.machine.memory_gb} GiB, node ${r.machine.node}`,
    `${r.options.players} players × ${r.options.rounds} rounds of ${r.options.round_ms} ms (arrivals spread over a round); sign-ins ${r.options.sign_in_concurrency} at a time, median of ${r.options.sign_in_rounds} rounds; load average ${r.machine.load_avg_1m.toFixed(1)}`,
    "",
    `${"call".padEnd(52)} ${"calls".padStart(6)} ${"err".padStart(4)} ${"/s".padStart(8)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)}  (ms)`,
    ...r.calls.map(
      (c) =>
        `${c.name.padEnd(52)} ${String(c.calls).padStart(6)} ${String(c.errors).padStart(4)} ${f(c.per_sec).padStart(8)} ${f(c.p50).padStart(7)} ${f(c.p95).padStart(7)} ${f(c.p99).padStart(7)}${c.first_error ? `  first error: ${c.first_error.slice(0, 80)}` : ""}`,
    ),
    "",
    ...Object.entries(r.ratios).map(([k, v]) => `ratio ${k}: ${v.toFixed(2)}`),
    ...Object.entries(r.targets).map(([k, v]) => `target ${k}: ${v ? "met" : "MISSED"}`),
    `sockets: ${r.sockets.open}/${r.sockets.requested} open (${r.sockets.failed} failed), Nakama RSS ${f(r.sockets.rss_before_mb)} → ${f(r.sockets.rss_after_mb)} MB (${f(r.sockets.kb_per_socket)} KB/socket)`,
    `VM warm-up: Nakama restart ${f(r.warmup.restart_ours_ms)} ms with our ${f(r.warmup.bundle_kb)} KiB bundle vs ${f(r.warmup.restart_baseline_ms)} ms baseline (module cost ${f(r.warmup.module_cost_ms)} ms)`,
  ];
  return lines.join("\n");
}
