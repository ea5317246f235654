import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isHealthy } from "../../src/healthcheck";
import { findFreePortBlock, releasePortBlock } from "../../src/ports";
import { runCommand } from "../run-command";

// infra:up / infra:down on a player's stack of their own (temp data folder, free ports),
// crashed in the ways a laptop crashes them.
let env: NodeJS.ProcessEnv;
let dataDir: string;
let base: number;
let port: number;

const infra = (action: "up" | "down") => runCommand(["infra", action], env);
const healthy = () => isHealthy(port);

const pidFile = () => path.join(dataDir, "nakama.pid");
const nakamaPid = () => Number(fs.readFileSync(pidFile(), "utf8"));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gift-grab-infra-"));
  fs.chmodSync(dataDir, 0o755);
  base = await findFreePortBlock(10);
  port = base + 3;
  env = {
    ...process.env,
    GIFT_GRAB_DATA_DIR: dataDir,
    GIFT_GRAB_PG_PORT: String(base),
    GIFT_GRAB_NAKAMA_PORT: String(port),
    GIFT_GRAB_CONSOLE_PORT: String(base + 7),
  };
});

afterAll(() => {
  infra("down");
  fs.rmSync(dataDir, { recursive: true, force: true });
  releasePortBlock(base);
});

describe("npm run infra:up / infra:down", () => {
  it("up returns only when Nakama is healthy, and is idempotent", async () => {
    const first = infra("up");
    expect(first.code, first.out).toBe(0);
    expect(await healthy()).toBe(true);
    const pid = nakamaPid();
    const second = infra("up");
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/already running/);
    expect(nakamaPid()).toBe(pid);
  });

  it("recovers after Nakama was killed, leaving a stale pid file", async () => {
    process.kill(nakamaPid(), "SIGKILL");
    await expect.poll(healthy).toBe(false);
    const r = infra("up");
    expect(r.code, r.out).toBe(0);
    // up waited for the healthcheck; a loaded machine may still answer one probe late.
    await expect.poll(healthy, { timeout: 10_000 }).toBe(true);
  });

  it("recovers from a hung Nakama of ours still holding the port", async () => {
    const hung = nakamaPid();
    process.kill(hung, "SIGSTOP");
    const r = infra("up");
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/not healthy/);
    expect(nakamaPid()).not.toBe(hung);
    expect(await healthy()).toBe(true);
  });

  it("says exactly what to do when another program holds the port", async () => {
    expect(infra("down").code).toBe(0);
    const squatter = net.createServer();
    await new Promise<void>((r) => squatter.listen(port, "127.0.0.1", r));
    try {
      const r = infra("up");
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(`port ${port} is held by another program`);
      expect(r.out).toContain("GIFT_GRAB_NAKAMA_PORT");
      expect(r.out).not.toMatch(/\n\s+at .*\(/); // a message, not a stack trace
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  });

  it("down stops everything and keeps the data; down twice is fine", async () => {
    expect(infra("up").code).toBe(0);
    expect(infra("down").code).toBe(0);
    expect(await healthy()).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "postgres", "pgdata", "PG_VERSION"))).toBe(true);
    expect(infra("down").code).toBe(0);
  });
});
