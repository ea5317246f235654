// npm start: install what is missing, build the server module, start Postgres, Nakama and
// the game's dev server, print the URL, stay in the foreground. Ctrl-C stops what it
// started. Changes to the server module rebuild it and restart Nakama; Vite reloads the game.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildServer } from "../build-server";
import { devLogFile, devPorts, PORT_VARS, startDevStack } from "../dev-stack";
import { log, SetupError } from "../log";
import { dataDir, repoRoot } from "../paths";
import { isPortFree } from "../ports";
import { setup } from "../setup";

const watched = ["apps/server/src", "packages/contracts/src", "packages/simulation/src"].map((p) =>
  path.join(repoRoot, p),
);

export async function main() {
  const ports = devPorts();
  for (const name of ["port", "consolePort"] as const) {
    if (!(await isPortFree(ports[name]))) {
      throw new SetupError(
        `port ${ports[name]} is taken: is Nakama already running (npm run infra:down stops ours)? Or move it with ${PORT_VARS[name][0]}.`,
      );
    }
  }
  await setup();
  await buildServer();

  log.step("Starting Postgres and Nakama…");
  const stack = await startDevStack();
  log.ok(
    `Nakama on http://127.0.0.1:${ports.port} (console http://127.0.0.1:${ports.consolePort}); log: ${devLogFile}`,
  );

  // Vite takes the next free port when GIFT_GRAB_GAME_PORT's is taken; the URL it prints is the truth.
  const vite = spawn(
    "pnpm",
    ["--filter", "@gift-grab/game", "exec", "vite", "--port", String(ports.gamePort)],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
      // the game follows Nakama when GIFT_GRAB_NAKAMA_PORT moves it
      env: { ...process.env, VITE_NAKAMA_PORT: String(ports.port) },
    },
  );
  vite.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const m = chunk.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) {
      console.log("");
      log.ok(`Gift Grab is running. Open ${m[0]} in your browser. Ctrl-C stops everything.`);
      console.log("");
    }
  });

  // Dev loop: rebuild the module and restart Nakama when its source changes.
  let timer: NodeJS.Timeout | undefined;
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
            log.warn(`server rebuild failed: ${(err as Error).message.split("\n")[0]}`);
          }
        });
      }, 200);
    });
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      log.step("Stopping…");
      vite.kill("SIGTERM");
      await stack.stop();
      log.ok(`stopped (data kept in ${dataDir})`);
      resolve(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    vite.on("exit", (code) => {
      if (!stopping) {
        log.warn(`the game's dev server exited (${code})`);
        void stop();
      }
    });
  });
}
