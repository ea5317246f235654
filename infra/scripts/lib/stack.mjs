// Postgres + Nakama + our module, as one unit. `npm start` and `infra:up` run the
// player's stack (fixed ports, data in .data/); tests run throwaway stacks on free ports
// in a temp folder, so they never touch a player's data and can run beside `npm start`.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SetupError } from "./log.mjs";
import {
  ensureNakama,
  migrate,
  nakamaArgs,
  nakamaBinaryPath,
  spawnNakama,
  waitHealthy,
} from "./nakama.mjs";
import { dataDir, nakamaConfigFile, serverDistDir } from "./paths.mjs";
import { findFreePortBlock } from "./ports.mjs";
import { findPgBin, ownerCanReach, PostgresCluster } from "./postgres.mjs";

/** The player's stack. Ports can be moved with env vars when 7350/7351/5488 are taken. */
export const DEV = {
  pgPort: Number(process.env.GIFT_GRAB_PG_PORT || 5488),
  port: Number(process.env.GIFT_GRAB_NAKAMA_PORT || 7350),
  consolePort: Number(process.env.GIFT_GRAB_CONSOLE_PORT || 7351),
  database: "nakama",
};

/** Where the player's Nakama keeps its data and log (the Postgres cluster: devPgDir). */
export const devNakamaDataDir = path.join(dataDir, "nakama");
export const devLogFile = path.join(dataDir, "logs", "nakama.log");

/** runtime.env of infra/nakama/local.yml, as an object. */
export function baseRuntimeEnv() {
  const text = fs.readFileSync(nakamaConfigFile, "utf8");
  const block = text.split(/^\s*env:\s*$/m)[1] ?? "";
  const env = {};
  for (const line of block.split("\n")) {
    const m = line.match(/^\s+-\s+"?([A-Z0-9_]+)=([^"]*)"?\s*$/);
    if (m) env[m[1]] = m[2];
    else if (line.trim() && !line.trim().startsWith("#")) break;
  }
  return env;
}

/** A tiny YAML writer for config overlays: nested objects, scalars and string lists. */
export function toYaml(value, indent = "") {
  return Object.entries(value)
    .map(([key, v]) => {
      if (Array.isArray(v))
        return `${indent}${key}:\n${v.map((x) => `${indent}  - ${JSON.stringify(String(x))}`).join("\n")}`;
      if (v && typeof v === "object") return `${indent}${key}:\n${toYaml(v, `${indent}  `)}`;
      return `${indent}${key}: ${JSON.stringify(v)}`;
    })
    .join("\n");
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

/** Where the player's Postgres cluster lives: .data/postgres, unless `postgres` can't reach the repo. */
export function devPgDir() {
  const preferred = path.join(dataDir, "postgres");
  if (ownerCanReach(path.dirname(dataDir))) return preferred;
  const hash = crypto.createHash("sha1").update(dataDir).digest("hex").slice(0, 8);
  return path.join("/var/tmp", `gift-grab-pg-${hash}`);
}

/** The player's stack (`npm start`, `infra:up`): DEV ports, data in .data/. */
export function startDevStack({ detached = false } = {}) {
  return startStack({
    pgDir: devPgDir(),
    pgPort: DEV.pgPort,
    port: DEV.port,
    consolePort: DEV.consolePort,
    database: DEV.database,
    nakamaDataDir: devNakamaDataDir,
    logFile: devLogFile,
    detached,
  });
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
}) {
  if (!fs.existsSync(path.join(runtimePath, "index.js"))) {
    throw new SetupError(
      `no server module at ${runtimePath}/index.js: build it with npm run build`,
    );
  }
  const pg = new PostgresCluster({ dir: pgDir, port: pgPort, binDir: requirePg() });
  await pg.init();
  const startedPg = await pg.start();
  await pg.ensureDatabase(database);
  const databaseAddress = pg.databaseAddress(database);

  const bin = await ensureNakama();
  await migrate(bin, databaseAddress);

  fs.mkdirSync(nakamaDataDir, { recursive: true });
  let extraConfig;
  if (config) {
    extraConfig = path.join(nakamaDataDir, "overlay.yml");
    fs.writeFileSync(extraConfig, `${toYaml(config)}\n`);
  }
  const args = nakamaArgs({
    databaseAddress,
    port,
    consolePort,
    dataDir: nakamaDataDir,
    runtimePath,
    extraConfig,
  });

  let child;
  const startNakama = async () => {
    child = spawnNakama(bin, args, { logFile, detached });
    try {
      await waitHealthy(port, { child });
    } catch (err) {
      const tail =
        logFile && fs.existsSync(logFile)
          ? fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n")
          : "";
      child.kill("SIGKILL");
      throw new Error(`${err.message}\n${tail}`);
    }
    return child;
  };
  const stopNakama = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10000);
    await exited;
    clearTimeout(timer);
  };
  await startNakama();

  return {
    pg,
    port,
    consolePort,
    databaseAddress,
    get nakama() {
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

/**
 * A throwaway stack for one test suite: fresh cluster in a temp folder, free ports,
 * an optional config overlay (e.g. { runtime: { env: [...] } }).
 */
export async function startTestStack({ name = "test", config, runtimeEnv, runtimePath } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gift-grab-${name}-`));
  fs.chmodSync(dir, 0o755);
  const base = await findFreePortBlock(10);
  const env = { ...baseRuntimeEnv(), ...runtimeEnv };
  const overlay = {
    ...config,
    runtime: { ...config?.runtime, env: Object.entries(env).map(([k, v]) => `${k}=${v}`) },
  };
  const logFile = path.join(dir, "nakama.log");
  const stack = await startStack({
    pgDir: path.join(dir, "pg"),
    pgPort: base,
    port: base + 3,
    consolePort: base + 7,
    database: "nakama_test",
    nakamaDataDir: path.join(dir, "nakama"),
    config: overlay,
    logFile,
    ...(runtimePath ? { runtimePath } : {}),
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
      if (!process.env.KEEP_TEST_STACK) fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

export { nakamaBinaryPath };
