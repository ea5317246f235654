#!/usr/bin/env node
// npm run bench [-- --players N --sockets N --rounds N --round-ms N]: build the module, then run
// the load benchmark (tools/bench) against two fresh stacks of its own.
import { spawnSync } from "node:child_process";
import { exitOnSetupError } from "../infra/scripts/lib/log.mjs";
import { repoRoot } from "../infra/scripts/lib/paths.mjs";
import { setup } from "../infra/scripts/lib/setup.mjs";
import { buildServer } from "./build-server.mjs";

try {
  const { pnpm } = await setup();
  await buildServer();
  const r = spawnSync(
    pnpm,
    ["--filter", "@gift-grab/bench", "run", "bench", ...process.argv.slice(2)],
    {
      cwd: repoRoot,
      stdio: "inherit",
    },
  );
  process.exit(r.status ?? 1);
} catch (err) {
  exitOnSetupError(err);
}
