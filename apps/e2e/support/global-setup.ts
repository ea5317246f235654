import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startTestStack } from "@gift-grab/devkit";
import type { FullConfig } from "@playwright/test";
import { serveStatic } from "./static-server";

const here = path.dirname(fileURLToPath(import.meta.url));
export const gameBuild = path.resolve(here, "../../game/dist-test");

/** A real Nakama + Postgres of the e2e run's own, and the test build of the game. */
export default async function globalSetup(_config: FullConfig) {
  if (!fs.existsSync(path.join(gameBuild, "index.html"))) {
    throw new Error(`no game build at ${gameBuild}: run the e2e task through turbo (npm run e2e)`);
  }
  // Raised rate limits: the suite signs up many players from 127.0.0.1 (docs/security.md).
  const stack = await startTestStack({ name: "e2e", limits: "raised" });
  const site = await serveStatic(gameBuild, {
    host: "127.0.0.1",
    port: String(stack.port),
    useSSL: false,
    serverKey: stack.serverKey,
  });
  process.env.E2E_BASE_URL = site.url;
  process.env.E2E_NAKAMA_PORT = String(stack.port);
  return async () => {
    await site.close();
    await stack.stop();
  };
}
