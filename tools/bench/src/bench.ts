// The load benchmark: virtual players over loopback against two real stacks started in
// the same run — ours, and a baseline (same Nakama build, a module with no hooks or RPCs
// and a client-writable board) — so results are ratios, not absolute claims.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ROUND_START, ROUND_SUBMIT, SESSION_CHECK } from "@gift-grab/contracts";
import { startTestStack, type TestStack } from "@gift-grab/infra/stack";
import WebSocket from "ws";
import { NakamaHttp } from "./http";
import { pool, Samples, type Summary } from "./stats";

const here = path.dirname(fileURLToPath(import.meta.url));
const baselineModule = path.resolve(here, "../baseline-module");
const BOARD = "weekly_leaderboard";
const ROUND_MS = 500;

export interface BenchOptions {
  players: number;
  sockets: number;
  concurrency: number;
  log?: (line: string) => void;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function timed<T>(fn: () => Promise<T>) {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

async function phase(
  name: string,
  count: number,
  concurrency: number,
  fn: (s: Samples, i: number) => Promise<void>,
) {
  const samples = new Samples(name);
  const t0 = performance.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    (i) => fn(samples, i),
  );
  return samples.summary(performance.now() - t0);
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

export async function runBench({ players, sockets, concurrency, log = console.log }: BenchOptions) {
  log(`starting two stacks (ours and the baseline)…`);
  const ours: TestStack = await startTestStack({
    name: "bench",
    runtimeEnv: { ROUND_DURATION_MS: String(ROUND_MS) },
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

    log(`sign-in: ${players} players on each stack…`);
    const tokensA: string[] = [];
    const tokensB: string[] = [];
    const signIn = await phase("sign-in (our hooks)", players, concurrency, async (s, i) => {
      const t = await s.time(() => a.authenticateDevice());
      if (t) tokensA[i] = t;
    });
    const signInBase = await phase("sign-in (baseline)", players, concurrency, async (s, i) => {
      const t = await s.time(() => b.authenticateDevice());
      if (t) tokensB[i] = t;
    });

    log(`rounds: round_start → ${ROUND_MS} ms → round_submit → leaderboard list…`);
    const starts = new Samples("round_start");
    const submits = new Samples("round_submit");
    const lists = new Samples("leaderboard list");
    const t0 = performance.now();
    await pool(tokensA, concurrency, async (token, i) => {
      if (!token) return;
      const ticket = (await starts.time(() => a.rpc(token, ROUND_START, {}))) as
        | { ticket: string; duration_ms: number }
        | undefined;
      if (!ticket) return;
      await new Promise((r) => setTimeout(r, ticket.duration_ms + 50));
      const score = i % 5;
      await submits.time(() =>
        a.rpc(token, ROUND_SUBMIT, {
          ticket: ticket.ticket,
          score,
          gifts: score,
          power_ups_used: 0,
        }),
      );
      await lists.time(() => a.listRecords(token, BOARD));
    });
    const roundsWall = performance.now() - t0;

    const baseWrite = await phase(
      "leaderboard write (baseline, client-writable)",
      players,
      concurrency,
      async (s, i) => {
        const token = tokensB[i];
        if (token) await s.time(() => b.writeRecord(token, "bench_baseline", i % 5));
      },
    );
    const rpcLight = await phase(
      "session_check (RPC floor)",
      players,
      concurrency,
      async (s, i) => {
        const token = tokensA[i];
        if (token) await s.time(() => a.rpc(token, SESSION_CHECK, {}));
      },
    );

    log(`sockets: opening ${sockets}…`);
    const rssBefore = rssMb(ours.nakama.pid);
    const extra = await phase(
      "sign-in for sockets",
      Math.max(0, sockets - tokensA.length),
      concurrency,
      async (s, i) => {
        const t = await s.time(() => a.authenticateDevice());
        if (t) tokensA.push(t);
        void i;
      },
    );
    void extra;
    const opened = await openSockets(a, tokensA.filter(Boolean).slice(0, sockets));
    await new Promise((r) => setTimeout(r, 500));
    const rssAfter = rssMb(ours.nakama.pid);
    for (const ws of opened.sockets) ws.terminate();

    const rounds = [starts, submits, lists].map((s) => s.summary(roundsWall));
    const calls: Summary[] = [signIn, signInBase, ...rounds, baseWrite, rpcLight];
    const submit = rounds[1] as Summary;
    const ratios = {
      round_submit_p50_vs_baseline_write: submit.p50 / baseWrite.p50,
      round_submit_p99_vs_baseline_write: submit.p99 / baseWrite.p99,
      sign_in_throughput_vs_baseline: signIn.per_sec / signInBase.per_sec,
      sign_in_p50_vs_baseline: signIn.p50 / signInBase.p50,
    };
    return {
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? "?",
        memory_gb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      options: { players, sockets, concurrency, round_ms: ROUND_MS },
      calls,
      ratios,
      targets: {
        "round_submit p50 <= 1.5x baseline write": ratios.round_submit_p50_vs_baseline_write <= 1.5,
        "round_submit p99 < 50 ms": submit.p99 < 50,
        "sign-in throughput >= 0.8x baseline": ratios.sign_in_throughput_vs_baseline >= 0.8,
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
    `players ${r.options.players}, concurrency ${r.options.concurrency}, round ${r.options.round_ms} ms`,
    "",
    `${"call".padEnd(48)} ${"calls".padStart(6)} ${"err".padStart(4)} ${"/s".padStart(8)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)}  (ms)`,
    ...r.calls.map(
      (c) =>
        `${c.name.padEnd(48)} ${String(c.calls).padStart(6)} ${String(c.errors).padStart(4)} ${f(c.per_sec).padStart(8)} ${f(c.p50).padStart(7)} ${f(c.p95).padStart(7)} ${f(c.p99).padStart(7)}${c.first_error ? `  first error: ${c.first_error.slice(0, 80)}` : ""}`,
    ),
    "",
    ...Object.entries(r.ratios).map(([k, v]) => `ratio ${k}: ${v.toFixed(2)}`),
    ...Object.entries(r.targets).map(([k, v]) => `target ${k}: ${v ? "met" : "MISSED"}`),
    `sockets: ${r.sockets.open}/${r.sockets.requested} open (${r.sockets.failed} failed), Nakama RSS ${f(r.sockets.rss_before_mb)} → ${f(r.sockets.rss_after_mb)} MB (${f(r.sockets.kb_per_socket)} KB/socket)`,
    `VM warm-up: Nakama restart ${f(r.warmup.restart_ours_ms)} ms with our ${f(r.warmup.bundle_kb)} KiB bundle vs ${f(r.warmup.restart_baseline_ms)} ms baseline (module cost ${f(r.warmup.module_cost_ms)} ms)`,
  ];
  return lines.join("\n");
}
