import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, run } from "./clone";

const script = path.join(repoRoot, "scripts/check-prod-config.mjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prod-config-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const GOOD = `name: gift-grab-prod
session:
  encryption_key: 9f1c2e7a54b84d0c8e3a61f2b7d9c045
  refresh_encryption_key: 3b8e0d6f19a2474c95e1c0a8f6d2b731
  token_expiry_sec: 900
socket:
  server_key: c41d7e2b9a0f4c6e
console:
  address: 127.0.0.1
  username: ops-7f3a
  password: "K2v#9qLr!x8Tz4mW"
  signing_key: 5d0a9c7e2f1b4e8a
runtime:
  http_key: 7e4b1a9d3c6f48e2a0d5
`;

const execFileAsync = promisify(execFile);

/** Runs the checker as a person would: the CLI on a file. */
async function runCheck(yaml: string) {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.yml`);
  fs.writeFileSync(file, yaml);
  try {
    const r = await execFileAsync("node", [script, file]);
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** GOOD with one `key: value` line replaced (or removed when value is null). */
function goodWith(key: string, value: string | null) {
  const lines = GOOD.split("\n");
  const i = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
  if (i < 0) throw new Error(`no ${key} in GOOD`);
  if (value === null) lines.splice(i, 1);
  else lines[i] = `${lines[i]?.match(/^\s*/)?.[0]}${key}: ${value}`;
  return lines.join("\n");
}

const badValues: [string, string, string][] = [
  ["server_key", "defaultkey", "socket.server_key"],
  ["encryption_key", "defaultencryptionkey", "session.encryption_key"],
  ["refresh_encryption_key", "defaultrefreshencryptionkey", "session.refresh_encryption_key"],
  ["encryption_key", "dev-only-session-key-change-me", "session.encryption_key"],
  ["http_key", "defaulthttpkey", "runtime.http_key"],
  ["http_key", "dev-only-http-key", "runtime.http_key"],
  ["username", "admin", "console.username"],
  ["password", "password", "console.password"],
  ["password", "dev-only-console-password", "console.password"],
  ["signing_key", "defaultsigningkey", "console.signing_key"],
  ["signing_key", "dev-only-console-signing-key", "console.signing_key"],
  ["http_key", "short", "runtime.http_key"],
];
const requiredKeys = [
  "server_key",
  "encryption_key",
  "refresh_encryption_key",
  "http_key",
  "username",
  "password",
  "signing_key",
];
const openConsoles: [string, string | null][] = [
  ["missing", null],
  ["0.0.0.0", '"0.0.0.0"'],
  ["a public address", "203.0.113.7"],
  ["all IPv6 interfaces", '"::"'],
];
const privateConsoles = ["10.0.3.4", "192.168.1.20", "172.20.0.5", "localhost"];
const sameKeys = goodWith("refresh_encryption_key", "9f1c2e7a54b84d0c8e3a61f2b7d9c045");
const empty = "name: x\n";

// Every case's CLI run starts at once; the tests then read their results.
const cases = [
  GOOD,
  sameKeys,
  empty,
  ...badValues.map(([key, value]) => goodWith(key, value)),
  ...requiredKeys.map((key) => goodWith(key, null)),
  ...openConsoles.map(([, value]) => goodWith("address", value)),
  ...privateConsoles.map((address) => goodWith("address", address)),
];
const results = new Map<string, { code: number; out: string }>();
beforeAll(async () => {
  const unique = [...new Set(cases)];
  const outcomes = await Promise.all(unique.map(runCheck));
  unique.forEach((yaml, i) => {
    const outcome = outcomes[i];
    if (outcome) results.set(yaml, outcome);
  });
});
function check(yaml: string) {
  const result = results.get(yaml);
  if (!result) throw new Error("case not run in beforeAll");
  return result;
}

describe("npm run check:prod-config", () => {
  it("passes a config with real keys and a private console", () => {
    const r = check(GOOD);
    expect(r.out).toContain("✓");
    expect(r.code).toBe(0);
  });

  it("fails the dev config infra/nakama/local.yml, listing each dev-only key", () => {
    const r = run("node", [script, path.join(repoRoot, "infra/nakama/local.yml")], repoRoot);
    expect(r.code).toBe(1);
    for (const key of [
      "socket.server_key",
      "session.encryption_key",
      "session.refresh_encryption_key",
      "runtime.http_key",
      "console.password",
      "console.signing_key",
    ]) {
      expect(r.stderr).toContain(key);
    }
  });

  it.each(badValues)("fails when %s is %s", (key, value, reported) => {
    const r = check(goodWith(key, value));
    expect(r.code).toBe(1);
    expect(r.out).toContain(reported);
  });

  it.each(requiredKeys)("fails when %s is missing (Nakama would use its default)", (key) => {
    const r = check(goodWith(key, null));
    expect(r.code).toBe(1);
    expect(r.out).toContain("not set");
  });

  it.each(openConsoles)("fails an open console: address %s", (_name, value) => {
    const r = check(goodWith("address", value));
    expect(r.code).toBe(1);
    expect(r.out).toContain("console.address");
  });

  it.each(privateConsoles)("accepts a console bound to %s", (address) => {
    expect(check(goodWith("address", address)).code).toBe(0);
  });

  it("fails when the two session keys are the same", () => {
    const r = check(sameKeys);
    expect(r.code).toBe(1);
    expect(r.out).toContain("are the same");
  });

  it("lists every problem at once", () => {
    const r = check(empty);
    expect(r.code).toBe(1);
    expect(r.out).toContain("(8 problems)");
  });

  it("explains its usage without a file", () => {
    const r = run("node", [script], repoRoot);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage");
  });
});
