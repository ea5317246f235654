// pnpm --filter @gift-grab/bench run cpu-per-sign-in [-- <module dir | baseline> …]: CPU time
// per device sign-in, split between the Nakama process (Go + goja) and its Postgres (every
// backend), read from /proc around 1000 sign-ins, 16 in flight, and the load generator's own.
// CPU time, unlike latency or throughput, moves little with what else the machine runs.
// Default: ours, then the baseline.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startTestStack } from "@gift-grab/devkit";
import { cpuMs, postgresCpuMs } from "./cpu";
import { NakamaHttp } from "./http";
import { pool } from "./stats";

const here = path.dirname(fileURLToPath(import.meta.url));
const SIGN_INS = 1000;
async function measure(moduleDir: string) {
  const name = path.basename(moduleDir);
  const stack = await startTestStack({
    name: `cpu-${name}`,
    runtimePath: moduleDir,
    config: { logger: { level: "WARN" } },
  });
  try {
    const client = new NakamaHttp(stack.port);
    const nakama = stack.nakama.pid ?? 0;
    const devices = Array.from({ length: SIGN_INS }, () => randomUUID());
    const signIn = async (id: string) => {
      await client.authenticateDevice(id);
    };
    await pool(devices.slice(0, 50), 16, signIn);
    for (const phase of ["sign-up", "returning", "returning"]) {
      const nk0 = cpuMs(nakama);
      const pg0 = postgresCpuMs(stack);
      const client0 = process.cpuUsage();
      await pool(devices, 16, signIn);
      const used = process.cpuUsage(client0);
      const nk = (cpuMs(nakama) - nk0) / SIGN_INS;
      const pg = (postgresCpuMs(stack) - pg0) / SIGN_INS;
      const generator = (used.user + used.system) / 1000 / SIGN_INS;
      console.log(
        `${name.padEnd(16)} ${phase.padEnd(10)} CPU per sign-in: Nakama ${nk.toFixed(2)} ms, Postgres ${pg.toFixed(2)} ms, both ${(nk + pg).toFixed(2)} ms; the load generator ${generator.toFixed(2)} ms`,
      );
    }
  } finally {
    await stack.stop();
  }
}

const args = process.argv.slice(2).filter((a) => a !== "--");
const dirs = args.length > 0 ? args : [path.resolve(here, "../../../apps/server/dist"), "baseline"];
for (const dir of dirs) {
  await measure(dir === "baseline" ? path.resolve(here, "../baseline-module") : path.resolve(dir));
}
