// The real Nakama server: built from the Go module proxy with `go install`, cached per
// version outside the repo, migrated and started against our own Postgres.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseEnv } from "node:util";
import { log, SetupError } from "./log";
import { cacheDir, nakamaConfigFile, nakamaGoEnvFile } from "./paths";
import { capture, run, which } from "./process";
import { versions } from "./versions";

export const NAKAMA_VERSION = versions.nakama;
const MODULE = "github.com/heroiclabs/nakama/v3";

export function nakamaBinaryPath(version = NAKAMA_VERSION) {
  return path.join(cacheDir, "nakama", `v${version}`, "nakama");
}

export function installedNakamaVersion(bin = nakamaBinaryPath()) {
  if (!fs.existsSync(bin)) return null;
  const r = capture(bin, ["--version"]);
  return r.code === 0 ? r.stdout.trim().split("+")[0] : null;
}

function goEnv(name: string) {
  return capture("go", ["env", name]).stdout.trim();
}

interface GoModule {
  Dir: string;
  GoMod: string;
  Error?: string;
  Origin?: { Hash?: string };
}

/** `go mod download -json` for one module version; returns its JSON description. */
export function goModDownload(module: string, version: string): GoModule {
  // Its cwd: on a fresh machine nothing has created the cache folder yet.
  fs.mkdirSync(cacheDir, { recursive: true });
  const r = capture("go", ["mod", "download", "-json", `${module}@${version}`], {
    cwd: cacheDir,
    env: { ...process.env, GOFLAGS: "-mod=mod" },
  });
  const info: GoModule = r.stdout ? JSON.parse(r.stdout) : {};
  if (r.code !== 0 || info.Error) {
    throw new SetupError(
      `go mod download ${module}@${version} failed: ${info.Error || r.stderr.trim()}`,
    );
  }
  return info;
}

/**
 * Builds the pinned Nakama with `go install` (a few minutes, once per version).
 * The module proxy here serves versions but not the version list, which `go install
 * pkg@version` reads to look for a deprecation notice; so the download cache, which holds
 * that list after `go mod download`, is put in front of the proxy as a file:// proxy.
 */
export async function ensureNakama() {
  const bin = nakamaBinaryPath();
  const have = installedNakamaVersion(bin);
  if (have === NAKAMA_VERSION) return bin;
  if (!which("go")) {
    throw new SetupError(
      "Go is needed to build the Nakama server (https://go.dev/doc/install, Go >= 1.26.5).",
    );
  }
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  log.step(`Building Nakama v${NAKAMA_VERSION} with go install (first time only, a few minutes)…`);
  const info = goModDownload(MODULE, `v${NAKAMA_VERSION}`);
  const commit = info.Origin?.Hash?.slice(0, 8) ?? "release";
  const downloadCache = path.join(goEnv("GOMODCACHE"), "cache", "download");
  const upstream = process.env.GOPROXY || goEnv("GOPROXY") || "https://proxy.golang.org,direct";
  let built = 0;
  let lastReport = Date.now();
  await run(
    "go",
    [
      "install",
      "-v",
      "-ldflags",
      `-s -w -X main.version=${NAKAMA_VERSION} -X main.commitID=${commit}`,
      `${MODULE}@v${NAKAMA_VERSION}`,
    ],
    {
      cwd: cacheDir,
      env: {
        ...process.env,
        GOBIN: path.dirname(bin),
        GOFLAGS: "-mod=mod",
        GOPROXY: `file://${downloadCache},${upstream}`,
      },
      onLine: (line) => {
        if (!line.startsWith("go: downloading")) built++;
        if (Date.now() - lastReport > 5000) {
          log.info(`  … ${built} packages compiled (${line.trim().slice(0, 70)})`);
          lastReport = Date.now();
        }
      },
    },
  );
  const now = installedNakamaVersion(bin);
  if (now !== NAKAMA_VERSION) {
    throw new SetupError(`built Nakama reports version ${now}, expected ${NAKAMA_VERSION}`);
  }
  log.ok(`Nakama ${NAKAMA_VERSION} built: ${bin}`);
  return bin;
}

/** The nakama-common version the pinned server's go.mod requires. */
export function nakamaCommonVersion() {
  const info = goModDownload(MODULE, `v${NAKAMA_VERSION}`);
  const gomod = fs.readFileSync(info.GoMod, "utf8");
  const m = gomod.match(/github\.com\/heroiclabs\/nakama-common\s+(v\S+)/);
  if (!m?.[1]) throw new SetupError(`no nakama-common requirement in ${info.GoMod}`);
  return m[1];
}

/** Folder of the nakama-common module (its index.d.ts holds the `nkruntime` types). */
export function nakamaCommonDir() {
  return goModDownload("github.com/heroiclabs/nakama-common", nakamaCommonVersion()).Dir;
}

/**
 * Command-line arguments for one Nakama instance. Ports: API and socket on `port`,
 * gRPC on port-1, console on consolePort, console gRPC on consolePort-3.
 */
export function nakamaArgs({
  databaseAddress,
  port,
  consolePort,
  dataDir,
  runtimePath,
  extraConfig,
}: {
  databaseAddress: string;
  port: number;
  consolePort: number;
  dataDir: string;
  runtimePath: string;
  extraConfig?: string | undefined;
}) {
  const args = ["--config", nakamaConfigFile];
  if (extraConfig) args.push("--config", extraConfig);
  args.push(
    "--database.address",
    databaseAddress,
    "--socket.port",
    String(port),
    "--console.port",
    String(consolePort),
    "--data_dir",
    dataDir,
    "--runtime.path",
    runtimePath,
  );
  return args;
}

export async function migrate(bin: string, databaseAddress: string) {
  await run(bin, ["migrate", "up", "--database.address", databaseAddress], { onLine: () => {} });
}

/**
 * infra/nakama/go.env: the Go runtime settings (GOGC) every Nakama we run gets, as
 * docker-compose's env_file does. A variable already set in our environment wins (to measure
 * another GOGC: `GOGC=100 npm run bench`).
 */
export function nakamaGoEnv(file = nakamaGoEnvFile): Record<string, string> {
  return parseEnv(fs.readFileSync(file, "utf8")) as Record<string, string>;
}

/**
 * Twice the cores, as docker-compose's entrypoint sets it: a match loop readied by its ticker
 * waits for a P, and with one P a core a long goja loop or a GC mark worker holds up the
 * goroutines and ticker timers queued on its P; spare Ps take them over while the OS shares
 * the cores (docs/performance.md, "Why match loops start late").
 */
export function nakamaMaxProcs(): string {
  return String(2 * os.availableParallelism());
}

/** Starts Nakama; with `logFile`, detached and writing there, else inheriting stdio. */
export function spawnNakama(
  bin: string,
  args: string[],
  { logFile, detached = false }: { logFile?: string | undefined; detached?: boolean } = {},
) {
  const env = { GOMAXPROCS: nakamaMaxProcs(), ...nakamaGoEnv(), ...process.env };
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const fd = fs.openSync(logFile, "a");
    const child = spawn(bin, args, { stdio: ["ignore", fd, fd], detached, env });
    fs.closeSync(fd);
    if (detached) child.unref();
    return child;
  }
  return spawn(bin, args, { stdio: ["ignore", "inherit", "inherit"], detached, env });
}
