// Helpers for the tests that work on a fresh clone of the committed HEAD, the way a
// developer who clones this template starts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The environment without the outer turbo/vitest run's variables, which would steer the
 * clone's (TURBO_TELEMETRY_DISABLED stays: the clone's turbo runs are ours too).
 */
function cleanEnv(extra: Record<string, string> = {}) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k === "NODE_ENV" || /^(VITEST|npm_|FORCE_COLOR)/.test(k)) continue;
    if (k.startsWith("TURBO_") && k !== "TURBO_TELEMETRY_DISABLED") continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; returns its exit code and output (never throws on a non-zero exit). */
export function run(cmd: string, args: string[], cwd: string): RunResult {
  const r = spawnSync(cmd, args, {
    cwd,
    env: cleanEnv(),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed; a failure throws with the end of its output. */
export function mustRun(cmd: string, args: string[], cwd: string): RunResult {
  const r = run(cmd, args, cwd);
  if (r.code !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.split("\n").slice(-60).join("\n");
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.code}:\n${tail}`);
  }
  return r;
}

/**
 * git clone of the committed HEAD into a temp folder, dependencies installed from the
 * warm pnpm store, nkruntime types linked: what `npm start`'s setup does on a new machine.
 */
export function cloneHead(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `template-${name}-`));
  mustRun("git", ["clone", "--quiet", repoRoot, dir], os.tmpdir());
  mustRun("pnpm", ["install", "--offline", "--frozen-lockfile", "--reporter=silent"], dir);
  mustRun("node", ["tools/devkit/bootstrap.mjs", "link-types"], dir);
  return {
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
