// npm run bench [-- --players N --sockets N --rounds N --round-ms N]: build the module, then run
// the load benchmark (tools/bench) against two fresh stacks of its own.
import { spawnSync } from "node:child_process";
import { buildServer } from "../build-server";
import { repoRoot } from "../paths";
import { setup } from "../setup";

export async function main(args: string[]) {
  await setup();
  await buildServer();
  const r = spawnSync("pnpm", ["--filter", "@gift-grab/bench", "run", "bench", ...args], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  return r.status ?? 1;
}
