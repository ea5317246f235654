// The player's stack (`npm start`, `infra:up`): fixed ports that env vars can move, data in
// .data/ (GIFT_GRAB_DATA_DIR moves it).
import crypto from "node:crypto";
import path from "node:path";
import { SetupError } from "./log";
import { dataDir } from "./paths";
import { ownerCanReach } from "./postgres";
import { findProcesses } from "./process";
import { startStack } from "./stack";

/** Every port the player's stack listens on: its env var and its default. */
export const PORT_VARS = {
  port: ["GIFT_GRAB_NAKAMA_PORT", 7350],
  consolePort: ["GIFT_GRAB_CONSOLE_PORT", 7351],
  pgPort: ["GIFT_GRAB_PG_PORT", 5488],
  gamePort: ["GIFT_GRAB_GAME_PORT", 5173],
} as const;

type PortName = keyof typeof PORT_VARS;

/** The ports from the environment; a value that is not a port is refused by name. */
export function devPorts(env: NodeJS.ProcessEnv = process.env): Record<PortName, number> {
  const ports = {} as Record<PortName, number>;
  for (const [name, [variable, fallback]] of Object.entries(PORT_VARS)) {
    const raw = env[variable]?.trim();
    const port = raw ? Number(raw) : fallback;
    // Nakama also takes port-1 (gRPC) and consolePort-3 (console gRPC).
    if (!Number.isInteger(port) || port < 4 || port > 65535) {
      throw new SetupError(`${variable}=${raw} is not a port number (4–65535)`);
    }
    ports[name as PortName] = port;
  }
  return ports;
}

export const DEV_DATABASE = "nakama";
/** Where the player's Nakama keeps its data and log (the Postgres cluster: devPgDir). */
export const devNakamaDataDir = path.join(dataDir, "nakama");
export const devLogFile = path.join(dataDir, "logs", "nakama.log");
/** infra:up's record of the background Nakama. */
export const devPidFile = path.join(dataDir, "nakama.pid");

/** Where the player's Postgres cluster lives: .data/postgres, unless `postgres` can't reach the repo. */
export function devPgDir() {
  const preferred = path.join(dataDir, "postgres");
  if (ownerCanReach(path.dirname(dataDir))) return preferred;
  const hash = crypto.createHash("sha1").update(dataDir).digest("hex").slice(0, 8);
  return path.join("/var/tmp", `gift-grab-pg-${hash}`);
}

/** Pids of Nakama processes started for this data folder (found by their command line). */
export function devNakamaPids() {
  return findProcesses(
    (argv) => path.basename(argv[0] ?? "") === "nakama" && argv.includes(devNakamaDataDir),
  );
}

export function startDevStack({ detached = false } = {}) {
  const ports = devPorts();
  return startStack({
    pgDir: devPgDir(),
    pgPort: ports.pgPort,
    port: ports.port,
    consolePort: ports.consolePort,
    database: DEV_DATABASE,
    nakamaDataDir: devNakamaDataDir,
    logFile: devLogFile,
    detached,
  });
}
