// npm run infra:up / infra:down: the player's Postgres + Nakama in the background.
// Both are idempotent; `up` recovers from a crash (stale pid file, a dead or hung Nakama of
// ours still holding its port) and names any other program that holds a port.
import fs from "node:fs";
import { buildServer } from "../build-server";
import {
  devLogFile,
  devNakamaPids,
  devPgDir,
  devPidFile,
  devPorts,
  startDevStack,
} from "../dev-stack";
import { isHealthy } from "../healthcheck";
import { log, SetupError } from "../log";
import { dataDir } from "../paths";
import { isPortFree, portOwner } from "../ports";
import { findPgBin, PostgresCluster } from "../postgres";
import { stopProcess } from "../process";
import { setup } from "../setup";

async function up() {
  const ports = devPorts();
  const pids = devNakamaPids();
  const [running] = pids;
  if (pids.length === 1 && running && (await isHealthy(ports.port))) {
    fs.writeFileSync(devPidFile, String(running));
    log.ok(`Nakama already running (pid ${running}) on http://127.0.0.1:${ports.port}`);
    return;
  }
  // A crash leaves a stale pid file, or a Nakama of ours that is dead, hung or duplicated.
  for (const pid of pids) {
    log.warn(`Nakama pid ${pid} of ours is not healthy: stopping it`);
    await stopProcess(pid, { graceMs: 0 });
  }
  fs.rmSync(devPidFile, { force: true });
  for (const port of [ports.port, ports.port - 1, ports.consolePort, ports.consolePort - 3]) {
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
  fs.writeFileSync(devPidFile, String(stack.nakama.pid));
  log.ok(
    `Nakama ${ports.port} (console ${ports.consolePort}), Postgres ${ports.pgPort}; log: ${devLogFile}`,
  );
}

async function down() {
  const pids = devNakamaPids();
  for (const pid of pids) await stopProcess(pid);
  if (pids.length) log.ok("Nakama stopped");
  fs.rmSync(devPidFile, { force: true });
  const binDir = findPgBin();
  if (binDir) {
    const pg = new PostgresCluster({ dir: devPgDir(), port: devPorts().pgPort, binDir });
    if (fs.existsSync(pg.dataDir) && (await pg.stop()))
      log.ok(`Postgres stopped (data kept in ${dataDir})`);
  }
}

export async function main([action]: string[]) {
  if (action === "up") await up();
  else if (action === "down") await down();
  else throw new SetupError("usage: infra up|down");
  return 0;
}
