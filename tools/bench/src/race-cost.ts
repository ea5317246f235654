// pnpm --filter @gift-grab/bench bench:race-cost [--races 12 --seats 4 --redundancy 18 --send-every 0]
// What a race (or, --seats 1, a live solo round) costs the match handler's JavaScript in
// Nakama's goja, without sockets: whole rounds driven through the handler
// (apps/server/test/determinism/race-cost.ts) on the test-only determinism module, timed by
// Nakama's CPU from /proc, which unlike wall time hardly moves when other processes take the
// cores. --send-every 0 sends INPUT as the game does (inputDue), n every n loops. The socket
// side (Nakama's JSON envelopes, base64, routing) and Nakama's own per-loop work are not in
// it: `bench:races` and `bench:live` measure everything together.
import { parseArgs } from "node:util";
import { LiveTiming } from "@gift-grab/contracts";
import { startDeterminismStack } from "../../../apps/server/test/determinism/stack";
import { cpuMs } from "./cpu";
import { NakamaHttp } from "./http";
import { profileDir, profileNakama } from "./profile";

const { values } = parseArgs({
  options: {
    races: { type: "string", default: "12" },
    seats: { type: "string", default: "4" },
    "duration-ms": { type: "string", default: "30000" },
    redundancy: { type: "string", default: String(LiveTiming.inputTicks) },
    "send-every": { type: "string", default: "0" },
    repeats: { type: "string", default: "3" },
  },
});
const races = Number(values.races);
const spec = {
  duration_ms: Number(values["duration-ms"]),
  seats: Number(values.seats),
  redundancy: Number(values.redundancy),
  send_every: Number(values["send-every"]),
};
// Two races a request: each request must end well inside Nakama's socket write timeout.
const BATCH = 2;

const env = await startDeterminismStack();
try {
  const http = new NakamaHttp(env.stack.port);
  const token = await http.authenticateDevice(crypto.randomUUID());
  const pid = env.stack.nakama.pid as number;
  const play = async (n: number, seed0: number) => {
    const totals = { cpu: 0, goja: 0, loops: 0, inputs: 0, sent: 0, bytes: 0, errors: 0 };
    for (let i = 0; i < n; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, n - i) }, (_, k) => ({
        ...spec,
        seed: (seed0 + (i + k) * 2654435761) >>> 0,
      }));
      const cpu0 = cpuMs(pid);
      const res = (await http.rpc(token, "live_race_cost", { races: batch })) as {
        results: Record<string, number>[];
        elapsed_ms: number;
      };
      totals.cpu += cpuMs(pid) - cpu0;
      totals.goja += res.elapsed_ms;
      for (const r of res.results) {
        totals.loops += r.loops ?? 0;
        totals.inputs += r.inputs ?? 0;
        totals.sent += r.sent ?? 0;
        totals.bytes += r.bytes_sent ?? 0;
        totals.errors += r.errors ?? 0;
      }
    }
    return totals;
  };
  await play(2, 1); // warm-up
  const seconds = spec.duration_ms / 1000;
  const perRace: number[] = [];
  for (let r = 0; r < Number(values.repeats); r++) {
    // Opt-in (BENCH_PROFILE_DIR): Go's and goja's profiles while the first repeat plays.
    const dir = r === 0 ? profileDir() : null;
    const profiled = dir
      ? profileNakama(env.stack.consolePort, dir, `cost-${spec.seats}`)
      : Promise.resolve();
    const t = await play(races, 1000 * (r + 1));
    await profiled;
    const cpuPerRace = t.cpu / races;
    perRace.push(cpuPerRace);
    console.log(
      `${spec.seats === 1 ? "solo round" : "race"} cost (${spec.seats} players, ${seconds} s, INPUT ${spec.send_every ? `every ${spec.send_every} loop(s)` : "as the game sends it"} with ${spec.redundancy} ticks): Nakama CPU ${cpuPerRace.toFixed(0)} ms a race = ${(cpuPerRace / seconds / 10).toFixed(3)} % of a core while it plays; goja ${(t.goja / races).toFixed(0)} ms; ${(t.inputs / races).toFixed(0)} inputs, ${(t.sent / races).toFixed(0)} messages / ${(t.bytes / races).toFixed(0)} bytes sent, ${t.loops / races} loops a race${t.errors ? `, ${t.errors} ERRORS` : ""}`,
    );
  }
  perRace.sort((a, b) => a - b);
  const median = perRace[perRace.length >> 1] ?? Number.NaN;
  console.log(
    `race cost median: ${median.toFixed(0)} ms of Nakama CPU a race, ${(median / seconds / 10).toFixed(3)} % of a core`,
  );
} finally {
  await env.stop();
}
