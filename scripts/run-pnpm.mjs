#!/usr/bin/env node
// Runs `pnpm <args>` after making sure pnpm, the dependencies and the Nakama types are there,
// so `npm run build` and friends work straight from a fresh clone.
import { spawnSync } from "node:child_process";
import { exitOnSetupError } from "../infra/scripts/lib/log.mjs";
import { repoRoot } from "../infra/scripts/lib/paths.mjs";
import { ensureDependencies, ensurePnpm, linkNakamaTypes } from "../infra/scripts/lib/setup.mjs";

try {
  const pnpm = await ensurePnpm();
  await ensureDependencies(pnpm);
  linkNakamaTypes();
  const r = spawnSync(pnpm, process.argv.slice(2), { stdio: "inherit", cwd: repoRoot });
  process.exit(r.status ?? 1);
} catch (err) {
  exitOnSetupError(err);
}
