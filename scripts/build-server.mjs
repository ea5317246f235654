// Builds apps/server/dist/index.js through turbo (cached when nothing changed).
import { run } from "../infra/scripts/lib/exec.mjs";
import { log } from "../infra/scripts/lib/log.mjs";
import { repoRoot } from "../infra/scripts/lib/paths.mjs";
import { ensurePnpm } from "../infra/scripts/lib/setup.mjs";

export async function buildServer() {
  const pnpm = await ensurePnpm();
  log.step("Building the server module…");
  await run(
    pnpm,
    ["turbo", "run", "build", "--filter=@gift-grab/server", "--output-logs=errors-only"],
    {
      cwd: repoRoot,
    },
  );
}
