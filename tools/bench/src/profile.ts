// Profiles Nakama while a bench plays (opt-in: BENCH_PROFILE_DIR=<dir>): Go's CPU profile, then
// goja's, each for BENCH_PROFILE_SECONDS (default 10), from the console's pprof routes behind
// its admin basic auth (local.yml's dev-only console user). `go tool pprof -top <file>` reads
// them. Sequential, so neither profiler's cost is in the other's profile.
import fs from "node:fs";
import path from "node:path";

const CONSOLE_AUTH = `Basic ${Buffer.from("admin:dev-only-console-password").toString("base64")}`;

export function profileDir(): string | null {
  return process.env.BENCH_PROFILE_DIR || null;
}

/** Writes `<label>-go.pprof` and `<label>-js.pprof` into `dir`; resolves when both are in. */
export async function profileNakama(consolePort: number, dir: string, label: string) {
  const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 10);
  fs.mkdirSync(dir, { recursive: true });
  for (const [kind, route] of [
    ["go", "profile"],
    ["js", "profile_js"],
  ] as const) {
    const res = await fetch(
      `http://127.0.0.1:${consolePort}/debug/pprof/${route}?seconds=${seconds}`,
      { headers: { authorization: CONSOLE_AUTH } },
    );
    if (!res.ok) throw new Error(`pprof ${route}: HTTP ${res.status} ${await res.text()}`);
    const file = path.join(dir, `${label}-${kind}.pprof`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    console.log(`profile: ${file}`);
  }
}
