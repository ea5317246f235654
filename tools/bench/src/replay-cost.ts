// What a replay costs: the same simulation replaying 30 s bot runs in Nakama's goja (the
// test-only determinism module, timed by goja's own clock) and in Node's V8, per replay.
import { startDeterminismStack } from "@gift-grab/server/determinism-stack";
import { replay } from "@gift-grab/simulation";
import { playBot } from "@gift-grab/simulation/bot";
import { NakamaHttp } from "./http";

const BATCH = 20;

export interface ReplayCost {
  runs: number;
  duration_ms: number;
  goja_ms_per_replay: number;
  node_ms_per_replay: number;
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
    for (let i = 0; i < played.length; i += BATCH) {
      const res = (await http.rpc(token, "sim_replay_batch", {
        runs: played.slice(i, i + BATCH),
      })) as { elapsed_ms: number } | undefined;
      if (!res) throw new Error("sim_replay_batch failed");
      gojaMs += res.elapsed_ms;
    }
    return {
      runs,
      duration_ms: durationMs,
      goja_ms_per_replay: gojaMs / runs,
      node_ms_per_replay: nodeMs / runs,
    };
  } finally {
    await env.stop();
  }
}

export function formatReplayCost(c: ReplayCost): string {
  return `replay of a ${c.duration_ms / 1000} s round (${c.runs} bot runs): goja ${c.goja_ms_per_replay.toFixed(2)} ms, Node ${c.node_ms_per_replay.toFixed(2)} ms per replay`;
}
