import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LIMITS, limitEnvVar } from "@gift-grab/contracts";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../src/paths";
import { findProblems } from "../src/prod-config";
import { runCommand } from "./run-command";

const GOOD = `name: gift-grab-prod
session:
  encryption_key: 9f1c2e7a54b84d0c8e3a61f2b7d9c045
  refresh_encryption_key: 3b8e0d6f19a2474c95e1c0a8f6d2b731
  token_expiry_sec: 900
  refresh_token_expiry_sec: 604800
  single_socket: true
  single_session: true
socket:
  server_key: c41d7e2b9a0f4c6e
console:
  address: 127.0.0.1
  username: ops-7f3a
  password: "K2v#9qLr!x8Tz4mW"
  signing_key: 5d0a9c7e2f1b4e8a
runtime:
  http_key: 7e4b1a9d3c6f48e2a0d5
  env:
    - SESSION_POLICY=kick_previous
    - MAX_LOGIN_DAYS=30
    - ROUND_STARTS_PER_MINUTE=10
    - LIMIT_SIGN_INS_PER_MINUTE=30
`;

/** GOOD with runtime.env's entries replaced by these. */
function goodWithEnv(...entries: string[]) {
  const [head] = GOOD.split("  env:\n");
  return `${head}  env:\n${entries.map((e) => `    - ${e}\n`).join("")}`;
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

/** The problems check:prod-config reports for a config file's text. */
function check(yaml: string) {
  return findProblems(parse(yaml));
}

describe("the production config rules", () => {
  it("pass a config with real keys and a private console", () => {
    expect(check(GOOD)).toEqual([]);
  });

  it.each(badValues)("fail when %s is %s", (key, value, reported) => {
    const problems = check(goodWith(key, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reported);
  });

  it.each(requiredKeys)("fail when %s is missing (Nakama would use its default)", (key) => {
    const problems = check(goodWith(key, null));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("not set");
  });

  it.each(openConsoles)("fail an open console: address %s", (_name, value) => {
    const problems = check(goodWith("address", value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("console.address");
  });

  it.each(privateConsoles)("accept a console bound to %s", (address) => {
    expect(check(goodWith("address", address))).toEqual([]);
  });

  it("fail when the two session keys are the same", () => {
    expect(check(sameKeys)).toEqual([
      "session.encryption_key and session.refresh_encryption_key are the same",
    ]);
  });

  it("list every problem at once (an empty file also leaves single_session off under kick_previous)", () => {
    expect(check(empty)).toHaveLength(9);
  });

  it.each([
    ["token_expiry_sec", "315360000", "session.token_expiry_sec 315360000 is longer than 3600 s"],
    ["token_expiry_sec", "0", "session.token_expiry_sec is not a positive number"],
    ["refresh_token_expiry_sec", "315360000", "is longer than 2592000 s (30 days)"],
    ["refresh_token_expiry_sec", "600", "is not longer than session.token_expiry_sec"],
  ])("fail a session lifetime beyond its bound: %s %s", (key, value, reported) => {
    const problems = check(goodWith(key, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reported);
  });

  it.each([
    ['"Kx9!short"', "shorter than 12 characters"],
    ["administrator", "common password"],
    ["aaaaaaaaaaaaaaaa", "common password"],
    ['"my-ops-7f3a-password-9!"', "contains console.username"],
    ["correcthorsebatterystaple", "only letters or only digits"],
    ['"123456789012345"', "only letters or only digits"],
  ])("fail a weak console password %s", (value, reported) => {
    const problems = check(goodWith("password", value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reported);
  });

  it.each([
    [["SESSION_POLICY=allow"], "single_session: false"],
    [["SESSION_POLICY=kick-previous"], "is not one of kick_previous, deny_new, allow"],
    [["MAX_LOGIN_DAYS=3650"], "MAX_LOGIN_DAYS=3650 is outside"],
  ])("fail a session policy that can't hold: %j", (env, reported) => {
    const problems = check(goodWithEnv(...env));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reported);
  });

  it("fail kick_previous (the default) without single_session or single_socket", () => {
    expect(check(goodWith("single_session", "false"))).toEqual([
      expect.stringContaining("expects session.single_session: true"),
    ]);
    expect(check(goodWith("single_socket", null))).toEqual([
      expect.stringContaining("expects session.single_socket: true"),
    ]);
  });

  it("pass allow with both single_* off", () => {
    const allow = goodWithEnv("SESSION_POLICY=allow")
      .replace("single_socket: true", "single_socket: false")
      .replace("single_session: true", "single_session: false");
    expect(check(allow)).toEqual([]);
  });

  it.each([
    ["ROUND_STARTS_PER_MINUTE=100000", "ROUND_STARTS_PER_MINUTE=100000 is outside 2–60"],
    ["LIMIT_SIGN_UPS_PER_HOUR=0", "LIMIT_SIGN_UPS_PER_HOUR=0 is outside 2–1000"],
    ["LIMIT_SIGN_INS_PER_MINUTE=1000000", "LIMIT_SIGN_INS_PER_MINUTE=1000000 is outside"],
    ["LIMIT_CALLS_PER_MINUTE=lots", "LIMIT_CALLS_PER_MINUTE=lots is outside 10–1200"],
    ["LIMIT_READS_PER_MINUTE=2.5", "LIMIT_READS_PER_MINUTE=2.5 is outside"],
  ])("fail a rate limit outside its range: %s", (entry, reported) => {
    const problems = check(goodWithEnv(entry));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reported);
  });

  it("pass every rate limit at its default and at its bounds", () => {
    for (const [name, spec] of Object.entries(LIMITS)) {
      const key = limitEnvVar(name as keyof typeof LIMITS);
      for (const n of [spec.default, spec.min, spec.max]) {
        expect(check(goodWithEnv(`${key}=${n}`)), `${key}=${n}`).toEqual([]);
      }
    }
  });
});

describe("npm run check:prod-config", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prod-config-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(tmp, name), text);
    return path.join(tmp, name);
  };

  it("passes a good file", () => {
    const r = runCommand(["check-prod-config", file("good.yml", GOOD)]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("✓");
  });

  it("fails the dev config infra/nakama/local.yml, listing each dev-only key", () => {
    const r = runCommand(["check-prod-config", path.join(repoRoot, "infra/nakama/local.yml")]);
    expect(r.code).toBe(1);
    for (const key of [
      "socket.server_key",
      "session.encryption_key",
      "session.refresh_encryption_key",
      "runtime.http_key",
      "console.password",
      "console.signing_key",
    ]) {
      expect(r.out).toContain(key);
    }
    expect(r.out).toContain("(7 problems)");
  });

  it("refuses a file that is not YAML, and explains its usage without a file", () => {
    const bad = runCommand(["check-prod-config", file("bad.yml", "session: [unclosed\n")]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("is not valid YAML");
    const usage = runCommand(["check-prod-config"]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain("usage");
  });
});
