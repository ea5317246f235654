#!/usr/bin/env node
// npm run infra:up / infra:down: the player's Postgres + Nakama in the background.
import fs from "node:fs";
import path from "node:path";
import { exitOnSetupError, log, SetupError } from "../infra/scripts/lib/log.mjs";
import { dataDir } from "../infra/scripts/lib/paths.mjs";
import { isPortFree } from "../infra/scripts/lib/ports.mjs";
import { findPgBin, PostgresCluster } from "../infra/scripts/lib/postgres.mjs";
import { setup } from "../infra/scripts/lib/setup.mjs";
import { DEV, devPgDir, startStack } from "../infra/scripts/lib/stack.mjs";
import { buildServer } from "./build-server.mjs";

const pidFile = path.join(dataDir, "nakama.pid");
const logFile = path.join(dataDir, "logs", "nakama.log");

function readPid() {
  try {
    return Number(fs.readFileSync(pidFile, "utf8").trim()) || null;
  } catch {
    return null;
  }
}

/** Is `pid` alive and our Nakama (not a recycled pid of something else)? */
function isOurNakama(pid) {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("nakama") && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

async function healthy() {
  try {
    return (await fetch(`http://127.0.0.1:${DEV.port}/healthcheck`)).ok;
  } catch {
    return false;
  }
}

export async function up() {
  const pid = readPid();
  if (pid && isOurNakama(pid) && (await healthy())) {
    log.ok(`Nakama already running (pid ${pid}) on http://127.0.0.1:${DEV.port}`);
    return;
  }
  if (pid && !isOurNakama(pid)) fs.rmSync(pidFile, { force: true }); // stale pid file
  if (pid && isOurNakama(pid)) {
    log.warn(`Nakama pid ${pid} is not healthy; restarting it`);
    process.kill(pid, "SIGKILL");
  }
  for (const port of [DEV.port, DEV.port - 1, DEV.consolePort, DEV.consolePort - 3]) {
    if (!(await isPortFree(port))) {
      throw new SetupError(
        `port ${port} is in use by another program; stop it (see: ss -ltnp 'sport = :${port}') and run npm run infra:up again`,
      );
    }
  }
  await setup();
  await buildServer();
  log.step("Starting Postgres and Nakama…");
  const stack = await startStack({
    pgDir: devPgDir(),
    pgPort: DEV.pgPort,
    port: DEV.port,
    consolePort: DEV.consolePort,
    database: DEV.database,
    nakamaDataDir: path.join(dataDir, "nakama"),
    logFile,
    detached: true,
  });
  fs.writeFileSync(pidFile, String(stack.nakama.pid));
  log.ok(
    `Nakama ${DEV.port} (console ${DEV.consolePort}), Postgres ${DEV.pgPort}; log: ${logFile}`,
  );
}

export async function down() {
  const pid = readPid();
  if (pid && isOurNakama(pid)) {
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 100 && isOurNakama(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isOurNakama(pid)) process.kill(pid, "SIGKILL");
    log.ok("Nakama stopped");
  }
  fs.rmSync(pidFile, { force: true });
  const binDir = findPgBin();
  if (binDir) {
    const pg = new PostgresCluster({ dir: devPgDir(), port: DEV.pgPort, binDir });
    if (await pg.stop()) log.ok("Postgres stopped (data kept in .data/)");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2];
  try {
    if (command === "up") await up();
    else if (command === "down") await down();
    else throw new SetupError("usage: node scripts/infra.mjs up|down");
  } catch (err) {
    exitOnSetupError(err);
  }
}
