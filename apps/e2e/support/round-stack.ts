import { startTestStack } from "@gift-grab/devkit";
import { test } from "@playwright/test";
import { gameBuild } from "./global-setup";
import { serveStatic } from "./static-server";

/**
 * A Nakama + Postgres of a spec's own whose rounds last `roundMs` (ROUND_DURATION_MS), with
 * the test build served against it: real rounds that finish in a few seconds, submitted for
 * real (a sped-up ?speed round would end before the server accepts a score).
 */
export async function startShortRoundSite(name: string, roundMs: number) {
  const stack = await startTestStack({
    name,
    limits: "raised",
    runtimeEnv: { ROUND_DURATION_MS: String(roundMs), ROUND_STARTS_PER_MINUTE: "60" },
  });
  const site = await serveStatic(gameBuild, {
    host: "127.0.0.1",
    port: String(stack.port),
    useSSL: false,
    serverKey: stack.serverKey,
  });
  return {
    url: site.url,
    port: stack.port,
    /** Stops and starts this site's Nakama (same database): a server restart mid-game. */
    restartNakama: () => stack.restartNakama(),
    async stop() {
      await site.close();
      await stack.stop();
    },
  };
}

type ShortRoundSite = Awaited<ReturnType<typeof startShortRoundSite>>;

/** A short-round site of this spec file's own, started before its tests and stopped after. */
export function useShortRoundSite(name: string, roundMs: number): () => ShortRoundSite {
  let site: ShortRoundSite | undefined;
  test.beforeAll(async () => {
    site = await startShortRoundSite(name, roundMs);
  });
  test.afterAll(async () => {
    await site?.stop();
  });
  return () => {
    if (!site) throw new Error(`site ${name} has not started`);
    return site;
  };
}
