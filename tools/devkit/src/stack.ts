// Postgres + Nakama + our module, as one unit: the player's stack (dev-stack.ts) and
// throwaway test stacks on free ports in a temp folder, so tests never touch a player's data
// and can run beside `npm start`.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LIMITS, type LimitName, limitEnvVar } from "@gift-grab/contracts";
import { waitHealthy } from "./healthcheck";
import { SetupError } from "./log";
import { ensureNakama, migrate, nakamaArgs, spawnNakama } from "./nakama";
import { type NakamaConfig, writeConfig } from "./nakama-config";
import { serverDistDir } from "./paths";
import { findFreePortBlock, releasePortBlock } from "./ports";
import { clusterTemplate, findPgBin, PostgresCluster } from "./postgres";
import { stopProcess } from "./process";

export interface StackOptions {
  pgDir: string;
  pgPort: number;
  port: number;
  consolePort: number;
  database: string;
  nakamaDataDir: string;
  /** Folder holding the module's index.js; default apps/server/dist. */
  runtimePath?: string;
  /** Loaded after infra/nakama/local.yml (Nakama merges runtime.env across config files). */
  config?: NakamaConfig;
  /** Nakama's output goes here (and it runs detached when `detached`); else to our stdout. */
  logFile?: string;
  detached?: boolean;
  /** A new cluster is a copy of clusterTemplate()'s instead of initdb's own (test stacks). */
  copyCluster?: boolean;
}

function requirePg() {
  const binDir = findPgBin();
  if (!binDir) {
    throw new SetupError(
      "PostgreSQL is not installed. Run `npm run setup` as root, or: sudo apt-get install postgresql postgresql-contrib",
    );
  }
  return binDir;
}

/**
 * Starts Postgres and Nakama. Returns a handle whose stop() stops only what this call
 * started (a Postgres that was already running stays up).
 */
export async function startStack({
  pgDir,
  pgPort,
  port,
  consolePort,
  database,
  nakamaDataDir,
  runtimePath = serverDistDir,
  config,
  logFile,
  detached = false,
  copyCluster = false,
}: StackOptions) {
  if (!fs.existsSync(path.join(runtimePath, "index.js"))) {
    throw new SetupError(
      `no server module at ${runtimePath}/index.js: build it with npm run build`,
    );
  }
  const binDir = requirePg();
  const pg = new PostgresCluster({ dir: pgDir, port: pgPort, binDir });
  await pg.init(copyCluster ? await clusterTemplate(binDir) : undefined);
  const startedPg = await pg.start();
  await pg.ensureDatabase(database);
  const databaseAddress = pg.databaseAddress(database);

  const bin = await ensureNakama();
  await migrate(bin, databaseAddress);

  fs.mkdirSync(nakamaDataDir, { recursive: true });
  let extraConfig: string | undefined;
  if (config) {
    extraConfig = path.join(nakamaDataDir, "overlay.yml");
    writeConfig(extraConfig, config);
  }
  const args = nakamaArgs({
    databaseAddress,
    port,
    consolePort,
    dataDir: nakamaDataDir,
    runtimePath,
    extraConfig,
  });

  let child: ChildProcess | undefined;
  const startNakama = async () => {
    const started = spawnNakama(bin, args, { logFile, detached });
    child = started;
    try {
      await waitHealthy(port, { child: started, consolePort });
    } catch (err) {
      const tail =
        logFile && fs.existsSync(logFile)
          ? fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n")
          : "";
      if (started.pid) await stopProcess(started.pid, { graceMs: 0 });
      throw new Error(`${(err as Error).message}\n${tail}`);
    }
    return started;
  };
  const stopNakama = async () => {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    await stopProcess(child.pid);
  };
  await startNakama();

  return {
    pg,
    port,
    consolePort,
    databaseAddress,
    /** The running Nakama process (a new one after each restart). */
    get nakama(): ChildProcess {
      if (!child) throw new Error("Nakama was never started");
      return child;
    },
    startNakama,
    stopNakama,
    async restartNakama() {
      await stopNakama();
      await startNakama();
    },
    async stop() {
      await stopNakama();
      if (startedPg) await pg.stop();
    },
  };
}

export interface TestStackOptions {
  /** Names the temp folder (gift-grab-<name>-*). */
  name?: string;
  /** Overlay on infra/nakama/local.yml, e.g. { session: { token_expiry_sec: 5 } }. */
  config?: NakamaConfig;
  /** runtime.env entries over local.yml's. */
  runtimeEnv?: Record<string, string>;
  /**
   * "raised" (default): the rate limits far above any test's traffic (RAISED_LIMITS; tests
   * sign up hundreds of players from 127.0.0.1). "defaults": local.yml's, as `npm start` runs
   * them, for the tests of the limits themselves.
   */
  limits?: "raised" | "defaults";
  /** Folder holding the module's index.js; default apps/server/dist. */
  runtimePath?: string;
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/**
 * The rate limits test and bench stacks run with: far above any test's own traffic (hundreds
 * of sign-ups from 127.0.0.1), so only the tests of the limits meet them, on a stack with
 * local.yml's defaults (`limits: "defaults"`). Outside check:prod-config's ranges on purpose.
 */
export const RAISED_LIMITS: Record<string, string> = Object.fromEntries(
  (Object.keys(LIMITS) as LimitName[])
    // Round starts keep local.yml's 10 a minute, as before: the tests of rounds rely on it.
    .filter((name) => name !== "ROUND_STARTS_PER_MINUTE")
    .map((name) => [limitEnvVar(name), "1000000"]),
);

/** The overlay a test stack loads: `config`, with `runtimeEnv` as its runtime.env entries. */
export function testOverlay({
  config = {},
  runtimeEnv = {},
  limits = "raised",
}: TestStackOptions): NakamaConfig {
  const runtime = config.runtime && typeof config.runtime === "object" ? config.runtime : {};
  const merged = { ...(limits === "raised" ? RAISED_LIMITS : {}), ...runtimeEnv };
  const env = Object.entries(merged).map(([k, v]) => `${k}=${v}`);
  return { ...config, runtime: { ...runtime, env } };
}

/**
 * A throwaway stack for one test suite: a fresh cluster (a copy of initdb's, clusterTemplate())
 * in a temp folder, free ports.
 */
export async function startTestStack(options: TestStackOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gift-grab-${options.name ?? "test"}-`));
  fs.chmodSync(dir, 0o755);
  const base = await findFreePortBlock(10);
  const logFile = path.join(dir, "nakama.log");
  const stack = await startStack({
    pgDir: path.join(dir, "pg"),
    pgPort: base,
    port: base + 3,
    consolePort: base + 7,
    database: "nakama_test",
    nakamaDataDir: path.join(dir, "nakama"),
    config: testOverlay(options),
    logFile,
    copyCluster: true,
    ...(options.runtimePath ? { runtimePath: options.runtimePath } : {}),
  }).catch((err: unknown) => {
    releasePortBlock(base);
    throw err;
  });
  const stopStack = stack.stop;
  return Object.assign(stack, {
    dir,
    logFile,
    httpKey: "dev-only-http-key",
    serverKey: "defaultkey",
    async stop() {
      await stopStack();
      await stack.pg.stop();
      releasePortBlock(base);
      if (!process.env.KEEP_TEST_STACK) fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
