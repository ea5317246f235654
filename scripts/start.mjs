#!/usr/bin/env node
// npm start: install what is missing, build the server module, start Postgres, Nakama and
// the game's dev server, print the URL, stay in the foreground. Ctrl-C stops what it
// started. Changes to the server module rebuild it and restart Nakama; Vite reloads the game.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { exitOnSetupError, log, SetupError } from "../infra/scripts/lib/log.mjs";
import { dataDir, repoRoot } from "../infra/scripts/lib/paths.mjs";
import { isPortFree } from "../infra/scripts/lib/ports.mjs";
import { setup } from "../infra/scripts/lib/setup.mjs";
import { DEV, devLogFile, startDevStack } from "../infra/scripts/lib/stack.mjs";
import { buildServer } from "./build-server.mjs";

const GAME_PORT = 5173;
const watched = ["apps/server/src", "packages/contracts/src", "packages/simulation/src"].map((p) =>
  path.join(repoRoot, p),
);

async function main() {
  for (const port of [DEV.port, DEV.consolePort]) {
    if (!(await isPortFree(port))) {
      throw new SetupError(
        `port ${port} is taken: is Nakama already running (npm run infra:down stops ours)?`,
      );
    }
  }
  const { pnpm } = await setup();
  await buildServer();

  log.step("Starting Postgres and Nakama…");
  const stack = await startDevStack();
  log.ok(
    `Nakama on http://127.0.0.1:${DEV.port} (console http://127.0.0.1:${DEV.consolePort}); log: ${devLogFile}`,
  );

  const vite = spawn(
    pnpm,
    ["--filter", "@gift-grab/game", "exec", "vite", "--port", String(GAME_PORT)],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
      // the game follows Nakama when GIFT_GRAB_NAKAMA_PORT moves it
      env: { ...process.env, VITE_NAKAMA_PORT: String(DEV.port) },
    },
  );
  vite.stdout.setEncoding("utf8").on("data", (chunk) => {
    const m = chunk.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) {
      console.log("");
      log.ok(`Gift Grab is running. Open ${m[0]} in your browser. Ctrl-C stops everything.`);
      console.log("");
    }
  });

  // Dev loop: rebuild the module and restart Nakama when its source changes.
  let timer;
  let rebuilding = Promise.resolve();
  for (const dir of watched) {
    fs.watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        rebuilding = rebuilding.then(async () => {
          const t0 = Date.now();
          try {
            await buildServer();
            await stack.restartNakama();
            log.ok(`server module reloaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
          } catch (err) {
            log.warn(`server rebuild failed: ${err.message.split("\n")[0]}`);
          }
        });
      }, 200);
    });
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log.step("Stopping…");
    vite.kill("SIGTERM");
    await stack.stop();
    log.ok(`stopped (data kept in ${dataDir})`);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  vite.on("exit", (code) => {
    if (!stopping) {
      log.warn(`the game's dev server exited (${code})`);
      void stop();
    }
  });
}

main().catch(exitOnSetupError);
