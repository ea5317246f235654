#!/usr/bin/env node
// npm run check:prod-config -- <nakama.yml>: refuses a Nakama config that is not fit for
// production: any key left at Nakama's default or at our dev-only value, and a console
// that listens on every interface. Prints each problem and exits 1; exits 0 on a good file.
// Nakama itself only logs a warning for default keys and starts anyway.
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// `yaml` comes from the infra workspace package (this script stays dependency-free at the root).
const requireFromInfra = createRequire(new URL("../infra/package.json", import.meta.url));
const YAML = requireFromInfra("yaml");

/** Secrets: where they live, Nakama's default, and what a human should set instead. */
const SECRETS = [
  { path: "socket.server_key", nakamaDefault: "defaultkey" },
  { path: "session.encryption_key", nakamaDefault: "defaultencryptionkey" },
  { path: "session.refresh_encryption_key", nakamaDefault: "defaultrefreshencryptionkey" },
  { path: "runtime.http_key", nakamaDefault: "defaulthttpkey" },
  { path: "console.username", nakamaDefault: "admin" },
  { path: "console.password", nakamaDefault: "password" },
  { path: "console.signing_key", nakamaDefault: "defaultsigningkey" },
];

/** Keys that sign or authorise something: shorter than this is guessable. */
const MIN_KEY_LENGTH = 16;
const SIGNING_KEYS = new Set([
  "session.encryption_key",
  "session.refresh_encryption_key",
  "runtime.http_key",
  "console.signing_key",
]);

function get(config, dotted) {
  return dotted
    .split(".")
    .reduce((node, key) => (node && typeof node === "object" ? node[key] : undefined), config);
}

/** Loopback or a private-network address: the console is then not on the open internet. */
export function isPrivateBind(address) {
  if (typeof address !== "string") return false;
  const a = address.trim().toLowerCase();
  if (a === "localhost" || a === "::1") return true;
  if (/^fd[0-9a-f]{2}:/.test(a)) return true; // IPv6 unique local
  const m = a.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!m) return false;
  const [o1, o2] = [Number(m[1]), Number(m[2])];
  return (
    o1 === 127 || o1 === 10 || (o1 === 172 && o2 >= 16 && o2 <= 31) || (o1 === 192 && o2 === 168)
  );
}

/** Every production problem in a parsed Nakama config, one sentence each. */
export function findProblems(config) {
  const problems = [];
  const cfg = config && typeof config === "object" ? config : {};
  for (const { path: key, nakamaDefault } of SECRETS) {
    const value = get(cfg, key);
    if (value === undefined || value === null || value === "") {
      problems.push(`${key} is not set, so Nakama uses its public default "${nakamaDefault}"`);
    } else if (String(value) === nakamaDefault) {
      problems.push(`${key} is Nakama's public default "${nakamaDefault}"`);
    } else if (/^dev-only/i.test(String(value))) {
      problems.push(`${key} is a dev-only value from infra/nakama/local.yml`);
    } else if (SIGNING_KEYS.has(key) && String(value).length < MIN_KEY_LENGTH) {
      problems.push(`${key} is shorter than ${MIN_KEY_LENGTH} characters`);
    }
  }
  const sessionKey = get(cfg, "session.encryption_key");
  if (sessionKey && sessionKey === get(cfg, "session.refresh_encryption_key")) {
    problems.push("session.encryption_key and session.refresh_encryption_key are the same");
  }
  const consoleAddress = get(cfg, "console.address");
  if (consoleAddress === undefined || consoleAddress === null || consoleAddress === "") {
    problems.push(
      "console.address is not set, so the console listens on every interface: bind it to 127.0.0.1 or a private address",
    );
  } else if (!isPrivateBind(String(consoleAddress))) {
    problems.push(
      `console.address ${consoleAddress} is open: bind it to 127.0.0.1 or a private address`,
    );
  }
  return problems;
}

export function checkFile(file) {
  const doc = YAML.parse(fs.readFileSync(file, "utf8"));
  return findProblems(doc);
}

function main(argv) {
  const file = argv[0];
  if (!file || argv.length > 1) {
    console.error("usage: npm run check:prod-config -- <path/to/nakama.yml>");
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`check:prod-config: ${file} does not exist`);
    return 2;
  }
  let problems;
  try {
    problems = checkFile(file);
  } catch (err) {
    console.error(`check:prod-config: ${file} is not valid YAML: ${err.message}`);
    return 2;
  }
  if (problems.length === 0) {
    console.log(`✓ ${file}: no default or dev-only keys, console not exposed`);
    return 0;
  }
  console.error(`✗ ${file} is not ready for production (${problems.length} problems):`);
  for (const p of problems) console.error(`  - ${p}`);
  console.error('See docs/deploying.md, "Setting real keys".');
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
