#!/usr/bin/env node
// npm run infra:up / infra:down: the player's Postgres + Nakama in the background.
// Both are idempotent; `up` recovers from a crash (stale pid file, a dead or hung Nakama of
// ours still holding its port) and names any other program that holds a port.
import fs from "node:fs";
import path from "node:path";
import { capture } from "../infra/scripts/lib/exec.mjs";
import { exitOnSetupError, log, SetupError } from "../infra/scripts/lib/log.mjs";
import { dataDir } from "../infra/scripts/lib/paths.mjs";
import { isPortFree } from "../infra/scripts/lib/ports.mjs";
import { findPgBin, PostgresCluster } from "../infra/scripts/lib/postgres.mjs";
import { setup } from "../infra/scripts/lib/setup.mjs";
import {
  DEV,
  devLogFile,
  devNakamaDataDir,
  devPgDir,
  startDevStack,
} from "../infra/scripts/lib/stack.mjs";
import { buildServer } from "./build-server.mjs";

const pidFile = path.join(dataDir, "nakama.pid");

/** Pids of Nakama processes started for this data folder (found by their command line). */
function ourNakamaPids() {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (path.basename(argv[0] ?? "") === "nakama" && argv.includes(devNakamaDataDir))
        pids.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return pids;
}

async function healthy() {
  try {
    const res = await fetch(`http://127.0.0.1:${DEV.port}/healthcheck`, {
      signal: AbortSignal.timeout(2000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

async function killAndWait(pid) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return;
  }
  for (let i = 0; i < 50 && fs.existsSync(`/proc/${pid}`); i++)
    await new Promise((r) => setTimeout(r, 100));
}

function portOwner(port) {
  const r = capture("ss", ["-ltnpH", `sport = :${port}`]);
  return r.stdout.trim() || "unknown program";
}

export async function up() {
  const pids = ourNakamaPids();
  if (pids.length === 1 && (await healthy())) {
    fs.writeFileSync(pidFile, String(pids[0]));
    log.ok(`Nakama already running (pid ${pids[0]}) on http://127.0.0.1:${DEV.port}`);
    return;
  }
  // A crash leaves a stale pid file, or a Nakama of ours that is dead, hung or duplicated.
  for (const pid of pids) {
    log.warn(`Nakama pid ${pid} of ours is not healthy: stopping it`);
    await killAndWait(pid);
  }
  fs.rmSync(pidFile, { force: true });
  for (const port of [DEV.port, DEV.port - 1, DEV.consolePort, DEV.consolePort - 3]) {
    if (!(await isPortFree(port))) {
      throw new SetupError(
        `port ${port} is held by another program (${portOwner(port)}). Stop it, or move our ports with GIFT_GRAB_NAKAMA_PORT / GIFT_GRAB_CONSOLE_PORT, then run npm run infra:up again.`,
      );
    }
  }
  await setup();
  await buildServer();
  log.step("Starting Postgres and Nakama…");
  const stack = await startDevStack({ detached: true });
  fs.writeFileSync(pidFile, String(stack.nakama.pid));
  log.ok(
    `Nakama ${DEV.port} (console ${DEV.consolePort}), Postgres ${DEV.pgPort}; log: ${devLogFile}`,
  );
}

export async function down() {
  const pids = ourNakamaPids();
  for (const pid of pids) {
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 100 && fs.existsSync(`/proc/${pid}`); i++)
      await new Promise((r) => setTimeout(r, 100));
    await killAndWait(pid);
  }
  if (pids.length) log.ok("Nakama stopped");
  fs.rmSync(pidFile, { force: true });
  const binDir = findPgBin();
  if (binDir) {
    const pg = new PostgresCluster({ dir: devPgDir(), port: DEV.pgPort, binDir });
    if (fs.existsSync(pg.dataDir) && (await pg.stop()))
      log.ok(`Postgres stopped (data kept in ${dataDir})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2];
  try {
    if (command === "up") await up();
    else if (command === "down") await down();
    else throw new SetupError("usage: node scripts/infra.mjs up|down");
    process.exit(0);
  } catch (err) {
    exitOnSetupError(err);
  }
}
