import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestStack } from "@gift-grab/devkit";
import { buildModule, serverRoot } from "../../scripts/build-module.mjs";

/** Builds the determinism module into a temp folder and starts a real stack that loads it. */
export async function startDeterminismStack() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gift-grab-determinism-module-"));
  await buildModule({
    entry: path.join(serverRoot, "test/determinism/module.ts"),
    outfile: path.join(dir, "index.js"),
  });
  // Batches of replays are far larger than any player's request (local.yml's 64 KiB).
  const stack = await startTestStack({
    name: "determinism",
    runtimePath: dir,
    config: { socket: { max_request_size_bytes: 8 * 1024 * 1024 } },
  });
  return {
    stack,
    async stop() {
      await stack.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
