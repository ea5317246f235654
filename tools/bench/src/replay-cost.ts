// What a replay costs: the same simulation replaying 30 s bot runs in Nakama's goja (the
// test-only determinism module, timed by goja's own clock) and in Node's V8, per replay.
import fs from "node:fs";
import { replay } from "@gift-grab/simulation";
import { playBot } from "@gift-grab/simulation/bot";
// From the server's tests, not its package: the determinism module is test support, and the
// server package exports nothing (it is built into one file Nakama loads).
import { startDeterminismStack } from "../../../apps/server/test/determinism/stack";
import { NakamaHttp } from "./http";

const BATCH = 20;

export interface ReplayCost {
  runs: number;
  duration_ms: number;
  goja_ms_per_replay: number;
  /** Nakama's CPU time (user + system, /proc) per replay, request handling included: unlike
   * goja's wall clock, it doesn't grow when other processes take the cores. */
  nakama_cpu_ms_per_replay: number;
  node_ms_per_replay: number;
}

/** A process's CPU time so far (user + system), in ms. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export async function measureReplayCost({
  runs = 200,
  durationMs = 30_000,
} = {}): Promise<ReplayCost> {
  const params = Array.from({ length: runs }, (_, i) => ({
    seed: (i * 2654435761) >>> 0,
    duration_ms: durationMs,
    orientation: i % 2 ? ("portrait" as const) : ("landscape" as const),
  }));
  const played = params.map((p, i) => ({ ...p, inputs: playBot(p, { seed: i }).inputs }));

  const t0 = performance.now();
  for (const run of played) replay(run, run.inputs);
  const nodeMs = performance.now() - t0;

  const env = await startDeterminismStack();
  try {
    const http = new NakamaHttp(env.stack.port);
    const token = await http.authenticateDevice(crypto.randomUUID());
    if (!token) throw new Error("no session on the determinism stack");
    await http.rpc(token, "sim_replay_batch", { runs: played.slice(0, BATCH) }); // warm-up
    let gojaMs = 0;
    const cpu0 = cpuMs(env.stack.nakama.pid);
    for (let i = 0; i < played.length; i += BATCH) {
      const res = (await http.rpc(token, "sim_replay_batch", {
        runs: played.slice(i, i + BATCH),
      })) as { elapsed_ms: number } | undefined;
      if (!res) throw new Error("sim_replay_batch failed");
      gojaMs += res.elapsed_ms;
    }
    const cpu = cpuMs(env.stack.nakama.pid) - cpu0;
    return {
      runs,
      duration_ms: durationMs,
      goja_ms_per_replay: gojaMs / runs,
      nakama_cpu_ms_per_replay: cpu / runs,
      node_ms_per_replay: nodeMs / runs,
    };
  } finally {
    await env.stop();
  }
}

export function formatReplayCost(c: ReplayCost): string {
  return `replay of a ${c.duration_ms / 1000} s round (${c.runs} bot runs): goja ${c.goja_ms_per_replay.toFixed(2)} ms (Nakama CPU ${c.nakama_cpu_ms_per_replay.toFixed(2)} ms), Node ${c.node_ms_per_replay.toFixed(2)} ms per replay`;
}
