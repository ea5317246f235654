// Builds apps/server/dist/index.js through turbo (cached when nothing changed).
import { log } from "./log";
import { repoRoot } from "./paths";
import { run } from "./process";

export async function buildServer() {
  log.step("Building the server module…");
  await run(
    "pnpm",
    ["turbo", "run", "build", "--filter=@gift-grab/server", "--output-logs=errors-only"],
    { cwd: repoRoot },
  );
}
