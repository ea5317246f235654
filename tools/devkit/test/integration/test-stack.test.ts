import fs from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nakamaGoEnv } from "../../src/nakama";
import { readConfig } from "../../src/nakama-config";
import { nakamaConfigFile } from "../../src/paths";
import { startTestStack, type TestStack } from "../../src/stack";

// What a test stack's Nakama actually runs with, read back from its console API.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    name: "devkit",
    config: { session: { token_expiry_sec: 77 } },
    runtimeEnv: { SESSION_POLICY: "allow", ROUND_MAX_OPEN: "5" },
  });
});

afterAll(() => stack?.stop());

/** A console API call's JSON body; a refusal fails the test with its status and body. */
async function consoleCall(path: string, init: RequestInit) {
  const res = await fetch(`http://127.0.0.1:${stack.consolePort}${path}`, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`console ${path}: HTTP ${res.status} ${body}`);
  return JSON.parse(body) as Record<string, unknown>;
}

async function runningConfig() {
  const local = readConfig(nakamaConfigFile) as { console: { username: string; password: string } };
  const { token } = await consoleCall("/v2/console/authenticate", {
    method: "POST",
    body: JSON.stringify({ username: local.console.username, password: local.console.password }),
  });
  const { config } = await consoleCall("/v2/console/config", {
    headers: { authorization: `Bearer ${token}` },
  });
  return JSON.parse(String(config)) as {
    session: { token_expiry_sec: number; single_socket: boolean };
    runtime: { env: string[] };
  };
}

describe("a test stack", () => {
  it("runs local.yml with the overlay on top: runtime.env merged, entry by entry", async () => {
    const config = await runningConfig();
    expect(config.session.token_expiry_sec).toBe(77);
    expect(config.session.single_socket).toBe(true); // from local.yml
    expect(config.runtime.env).toContain("SESSION_POLICY=allow");
    expect(config.runtime.env).toContain("ROUND_MAX_OPEN=5");
    expect(config.runtime.env).toContain("ROUND_DURATION_MS=30000"); // from local.yml
    expect(config.runtime.env).not.toContain("SESSION_POLICY=kick_previous");
  });

  it("runs Nakama with infra/nakama/go.env's Go runtime settings (GOGC)", () => {
    const environ = fs
      .readFileSync(`/proc/${stack.nakama.pid}/environ`, "utf8")
      .split("\0")
      .filter((v) => v.startsWith("GOGC="));
    expect(nakamaGoEnv().GOGC).toMatch(/^\d+$/);
    expect(environ).toEqual([`GOGC=${process.env.GOGC ?? nakamaGoEnv().GOGC}`]);
  });

  it("runs Nakama with GOMAXPROCS at twice the cores", () => {
    const environ = fs
      .readFileSync(`/proc/${stack.nakama.pid}/environ`, "utf8")
      .split("\0")
      .filter((v) => v.startsWith("GOMAXPROCS="));
    const want = process.env.GOMAXPROCS ?? String(2 * os.availableParallelism());
    expect(environ).toEqual([`GOMAXPROCS=${want}`]);
  });
});
