import { startTestStack } from "@gift-grab/devkit";
import { gameBuild } from "./global-setup";
import { type LagOptions, startLagProxy } from "./lag-proxy";
import { serveStatic } from "./static-server";
import { test } from "./test";

export interface ShortRoundOptions {
  /** More of the server's runtime.env (a live round's countdown, grace…). */
  runtimeEnv?: Record<string, string>;
  /** The game reaches Nakama through a lagging, lossy proxy (support/lag-proxy.ts). */
  lag?: LagOptions;
  /**
   * More ways to the same Nakama, by name, each a proxy and a site of its own (`lane(name)`):
   * one stack plays rounds on several networks.
   */
  lanes?: Record<string, LagOptions>;
}

/** The game served against Nakama, straight or through a lag proxy. */
async function serveLane(port: number, serverKey: string, lag: LagOptions | undefined) {
  const proxy = lag ? await startLagProxy(port, lag) : null;
  const site = await serveStatic(gameBuild, {
    host: "127.0.0.1",
    port: String(proxy?.port ?? port),
    useSSL: false,
    serverKey,
  });
  return {
    url: site.url,
    /** The lag proxy's counts (chunks forwarded, chunks held a retransmit), when there is one. */
    lagStats: proxy?.stats ?? null,
    async close() {
      await site.close();
      await proxy?.close();
    },
  };
}

/**
 * A Nakama + Postgres of a spec's own whose rounds last `roundMs` (ROUND_DURATION_MS), with
 * the test build served against it: real live rounds that finish in a few seconds, played on
 * the server's clock.
 */
export async function startShortRoundSite(
  name: string,
  roundMs: number,
  options: ShortRoundOptions = {},
) {
  const stack = await startTestStack({
    name,
    limits: "raised",
    runtimeEnv: {
      ROUND_DURATION_MS: String(roundMs),
      ROUND_STARTS_PER_MINUTE: "60",
      ...options.runtimeEnv,
    },
  });
  const main = await serveLane(stack.port, stack.serverKey, options.lag);
  const lanes = new Map<string, Awaited<ReturnType<typeof serveLane>>>();
  for (const [name, lag] of Object.entries(options.lanes ?? {}))
    lanes.set(name, await serveLane(stack.port, stack.serverKey, lag));
  return {
    url: main.url,
    port: stack.port,
    lagStats: main.lagStats,
    /** One of `lanes`: the site through that proxy. */
    lane(name: string) {
      const lane = lanes.get(name);
      if (!lane) throw new Error(`no lane ${name}`);
      return lane;
    },
    /** Stops and starts this site's Nakama (same database): a server restart mid-game. */
    restartNakama: () => stack.restartNakama(),
    async stop() {
      for (const lane of [main, ...lanes.values()]) await lane.close();
      await stack.stop();
    },
  };
}

type ShortRoundSite = Awaited<ReturnType<typeof startShortRoundSite>>;

/** A short-round site of this spec file's own, started before its tests and stopped after. */
export function useShortRoundSite(
  name: string,
  roundMs: number,
  options: ShortRoundOptions = {},
): () => ShortRoundSite {
  let site: ShortRoundSite | undefined;
  test.beforeAll(async () => {
    site = await startShortRoundSite(name, roundMs, options);
  });
  test.afterAll(async () => {
    await site?.stop();
  });
  return () => {
    if (!site) throw new Error(`site ${name} has not started`);
    return site;
  };
}
