// Installs what a fresh machine lacks beyond pnpm and the workspace's dependencies (the
// bootstrap installs those): PostgreSQL, the Nakama build, its TypeScript runtime types and
// (for tests) Chromium. Each step is a no-op when its result is already there, so every
// command can call it.
import fs from "node:fs";
import path from "node:path";
import { log, SetupError } from "./log";
import { ensureNakama, nakamaCommonDir } from "./nakama";
import { repoRoot } from "./paths";
import { findPgBin, hasPgTrgm } from "./postgres";
import { capture, isRoot, run, which } from "./process";

export const CHROMIUM = "/usr/bin/chromium";

function aptInstalled(pkg: string) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  return capture("dpkg-query", ["-W", "-f=${Status}", pkg]).stdout.includes("install ok installed");
}

/** apt-get install, non-interactive, as root; otherwise a message naming the command to run. */
export async function aptInstall(packages: string[], why: string) {
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
  await ensurePostgres();
  linkNakamaTypes();
  await ensureNakama();
  if (withBrowser) await ensureChromium();
}
