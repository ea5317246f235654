// Profiles Nakama while a bench plays (opt-in: BENCH_PROFILE_DIR=<dir>): Go's CPU profile with
// its allocations beside it (sampled always, no cost of its own; Go publishes them when a
// collection ends, so the file holds the cycles that ended in those seconds, maybe none), then
// goja's, each for BENCH_PROFILE_SECONDS (default 10), from the console's pprof routes behind
// its admin basic auth (local.yml's dev-only console user). `go tool pprof -top <file>` reads
// them (`-sample_index=alloc_space` the allocations). The CPU profilers run one after the
// other, so neither's cost is in the other's profile.
import fs from "node:fs";
import path from "node:path";

const CONSOLE_AUTH = `Basic ${Buffer.from("admin:dev-only-console-password").toString("base64")}`;

export function profileDir(): string | null {
  return process.env.BENCH_PROFILE_DIR || null;
}

/**
 * Writes `<label>-go.pprof`, `<label>-allocs.pprof` and `<label>-js.pprof` into `dir`; resolves
 * when all are in.
 */
export async function profileNakama(consolePort: number, dir: string, label: string) {
  const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 10);
  fs.mkdirSync(dir, { recursive: true });
  const take = async (kind: string, route: string) => {
    const res = await fetch(
      `http://127.0.0.1:${consolePort}/debug/pprof/${route}?seconds=${seconds}`,
      { headers: { authorization: CONSOLE_AUTH } },
    );
    if (!res.ok) throw new Error(`pprof ${route}: HTTP ${res.status} ${await res.text()}`);
    const file = path.join(dir, `${label}-${kind}.pprof`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    console.log(`profile: ${file}`);
  };
  await Promise.all([take("go", "profile"), take("allocs", "allocs")]);
  await take("js", "profile_js");
}
