// Runs a devkit command the way root package.json does: through bootstrap.mjs.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../src/paths";

export function runCommand(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync("node", [path.join(repoRoot, "tools/devkit/bootstrap.mjs"), ...args], {
    cwd: repoRoot,
    env,
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
