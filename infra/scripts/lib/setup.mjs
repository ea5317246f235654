// Installs what a fresh machine lacks: pnpm, the workspace's dependencies, PostgreSQL,
// the Nakama build, its TypeScript runtime types and (for tests) Chromium. Each step is
// a no-op when its result is already there, so every command can call it.
import fs from "node:fs";
import path from "node:path";
import { capture, isRoot, run, which } from "./exec.mjs";
import { log, SetupError } from "./log.mjs";
import { ensureNakama, nakamaCommonDir } from "./nakama.mjs";
import { cacheDir, repoRoot } from "./paths.mjs";
import { findPgBin, hasPgTrgm } from "./postgres.mjs";

export const CHROMIUM = "/usr/bin/chromium";

function pinnedPnpmVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  return pkg.packageManager.replace(/^pnpm@/, "").split("+")[0];
}

/** Path of a pnpm at the pinned version: the global one, or one installed into our cache. */
export async function ensurePnpm() {
  const version = pinnedPnpmVersion();
  const local = path.join(cacheDir, `pnpm-${version}`, "node_modules", ".bin", "pnpm");
  for (const candidate of [which("pnpm"), local]) {
    if (candidate && capture(candidate, ["--version"]).stdout.trim() === version) return candidate;
  }
  log.step(`Installing pnpm ${version}…`);
  // corepack's signature check fails on some machines, so pnpm comes from npm.
  if (isRoot()) {
    await run("npm", ["install", "-g", "--no-fund", "--no-audit", `pnpm@${version}`], {
      onLine: () => {},
    });
    const global = which("pnpm");
    if (global && capture(global, ["--version"]).stdout.trim() === version) return global;
  }
  fs.mkdirSync(path.dirname(path.dirname(path.dirname(local))), { recursive: true });
  await run(
    "npm",
    [
      "install",
      "--no-fund",
      "--no-audit",
      "--prefix",
      path.join(cacheDir, `pnpm-${version}`),
      `pnpm@${version}`,
    ],
    { onLine: () => {} },
  );
  return local;
}

export async function ensureDependencies(pnpm) {
  const args = ["install", "--prefer-offline", "--reporter=append-only"];
  if (process.env.CI) args.push("--frozen-lockfile");
  const marker = path.join(repoRoot, "node_modules", ".modules.yaml");
  const lock = path.join(repoRoot, "pnpm-lock.yaml");
  const fresh =
    fs.existsSync(marker) &&
    fs.existsSync(lock) &&
    fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs &&
    !process.env.CI;
  if (fresh) return;
  log.step("Installing dependencies with pnpm…");
  await run(pnpm, args, { cwd: repoRoot });
}

function aptInstalled(pkg) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  return capture("dpkg-query", ["-W", "-f=${Status}", pkg]).stdout.includes("install ok installed");
}

/** apt-get install, non-interactive, as root; otherwise a message naming the command to run. */
export async function aptInstall(packages, why) {
  const missing = packages.filter((p) => !aptInstalled(p));
  if (missing.length === 0) return;
  if (!isRoot() || !which("apt-get")) {
    throw new SetupError(
      `${why} needs ${missing.join(", ")}. Install it and run this again:\n    sudo apt-get install -y ${missing.join(" ")}`,
    );
  }
  log.step(`apt-get install ${missing.join(" ")} (${why})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = ["install", "-y", "--no-install-recommends", ...missing];
  try {
    await run("apt-get", install, { env, onLine: () => {} });
  } catch {
    await run("apt-get", ["update"], { env, onLine: () => {} });
    await run("apt-get", install, { env, onLine: () => {} });
  }
}

export async function ensurePostgres() {
  const bin = findPgBin();
  if (bin && hasPgTrgm(bin)) return bin;
  await aptInstall(["postgresql", "postgresql-contrib"], "the local database");
  return findPgBin();
}

export async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  await aptInstall(["chromium"], "browser tests");
  return CHROMIUM;
}

/**
 * Links nakama-common's index.d.ts (the `nkruntime` types, not published to npm) into
 * apps/server/generated/, from the Go module at the version Nakama's go.mod requires.
 */
export function linkNakamaTypes() {
  const linkDir = path.join(repoRoot, "apps/server/generated");
  const link = path.join(linkDir, "nakama-runtime");
  if (fs.existsSync(path.join(link, "index.d.ts"))) return;
  if (!which("go"))
    throw new SetupError("Go is needed for the Nakama runtime types: https://go.dev/doc/install");
  const dir = nakamaCommonDir();
  fs.mkdirSync(linkDir, { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(dir, link, "dir");
  log.ok(`nkruntime types linked from ${dir}`);
}

/** Everything `npm start` needs; `withBrowser` adds what `npm test` needs on top. */
export async function setup({ withBrowser = false } = {}) {
  const pnpm = await ensurePnpm();
  await ensureDependencies(pnpm);
  await ensurePostgres();
  linkNakamaTypes();
  await ensureNakama();
  if (withBrowser) await ensureChromium();
  return { pnpm };
}
