#!/usr/bin/env node
// The one file that runs before the workspace's dependencies exist (`npm start` on a fresh
// clone), so plain JavaScript on Node's own modules: it installs the pinned pnpm and the
// dependencies, then runs a devkit command (src/cli.ts) in this process through tsx's loader.
//   node tools/devkit/bootstrap.mjs <command> [args…]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const devkitDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(devkitDir, "../..");
const cacheDir = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"),
  "gift-grab",
);

class BootstrapError extends Error {}

/** @param {string} cmd @param {string[]} args @param {import("node:child_process").SpawnSyncOptions} options */
function mustRun(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-30).join("\n");
    throw new BootstrapError(`${cmd} ${args.join(" ")} failed\n${output || r.error?.message}`);
  }
}

/** The path `name` runs from PATH, or null. */
function onPath(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

/**
 * A pnpm executable's version: from the package.json of the npm package it belongs to (no
 * second Node start, which costs about a second on a busy machine), else from --version.
 */
function versionOf(/** @type {string} */ file) {
  if (!fs.existsSync(file)) return null;
  let dir = path.dirname(fs.realpathSync(file));
  for (let up = 0; up < 3; up++, dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    const pkg = JSON.parse(fs.readFileSync(manifest, "utf8"));
    if (pkg.name === "pnpm") return pkg.version;
  }
  const r = spawnSync(file, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A pnpm at the version package.json pins: the one on PATH, or one installed into our cache. */
function ensurePnpm() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const version = pkg.packageManager.replace(/^pnpm@/, "").split("+")[0];
  const prefix = path.join(cacheDir, `pnpm-${version}`);
  const local = path.join(prefix, "node_modules", ".bin", "pnpm");
  const global = onPath("pnpm");
  if (global && versionOf(global) === version) return global;
  if (versionOf(local) === version) return local;
  console.log(`▸ Installing pnpm ${version}…`);
  // corepack's signature check fails on some machines, so pnpm comes from npm.
  const quiet = ["--no-fund", "--no-audit", `pnpm@${version}`];
  if (process.getuid?.() === 0) {
    mustRun("npm", ["install", "-g", ...quiet]);
    const installed = onPath("pnpm");
    if (installed && versionOf(installed) === version) return installed;
  }
  fs.mkdirSync(prefix, { recursive: true });
  mustRun("npm", ["install", "--prefix", prefix, ...quiet]);
  return local;
}

/** pnpm install, unless node_modules is newer than the lockfile. */
function ensureDependencies(/** @type {string} */ pnpm) {
  const marker = path.join(repoRoot, "node_modules", ".modules.yaml");
  const lock = path.join(repoRoot, "pnpm-lock.yaml");
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log("▸ Installing dependencies with pnpm…");
  const args = ["install", "--prefer-offline", "--reporter=append-only"];
  if (process.env.CI) args.push("--frozen-lockfile");
  const r = spawnSync(pnpm, args, { cwd: repoRoot, stdio: "inherit" });
  if (r.status !== 0) throw new BootstrapError(`pnpm install failed (exit ${r.status})`);
}

/**
 * Runs the devkit command in this process, its TypeScript loaded through tsx's loader (no
 * second Node: that cost a second on a busy machine). The command exits with its status.
 */
async function runCommand(/** @type {string} */ pnpm, /** @type {string[]} */ args) {
  // The devkit and everything it starts find this pnpm first.
  process.env.PATH = `${path.dirname(pnpm)}${path.delimiter}${process.env.PATH}`;
  // Turborepo prints a telemetry notice on its first run and reports usage unless told not to.
  process.env.TURBO_TELEMETRY_DISABLED = "1";
  // What `node --import tsx/esm` loads: importing it registers tsx's loader in this process.
  const tsx = createRequire(path.join(devkitDir, "package.json")).resolve("tsx/esm");
  await import(pathToFileURL(tsx).href);
  const cli = path.join(devkitDir, "src/cli.ts");
  process.argv = [process.argv[0] ?? process.execPath, cli, ...args];
  await import(pathToFileURL(cli).href);
}

try {
  const pnpm = ensurePnpm();
  ensureDependencies(pnpm);
  await runCommand(pnpm, process.argv.slice(2));
} catch (err) {
  if (!(err instanceof BootstrapError)) throw err;
  console.error(`✗ ${err.message}`);
  process.exit(1);
}
