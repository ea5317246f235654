import { type NetTimings, readNetTimings } from "./net-timings";
import { type ServerConfig, serverConfigFrom } from "./server-config";

/** Everything the page reads before it starts: where the server is, and the net timings. */
export interface ClientConfig {
  server: ServerConfig;
  timings: NetTimings;
}

/**
 * Reads `config.json` (served next to index.html; missing is fine) once, and the page URL:
 * the server (see serverConfigFrom) and the net timings (its `timings` object, then the test
 * build's `?timings=` list when its entry passes one: see readNetTimings, which throws a
 * NetTimingsError on a bad one).
 */
export async function loadClientConfig(
  url: URL = new URL(window.location.href),
  fetchJson: (path: string) => Promise<unknown> = defaultFetchJson,
  timingsList: string | null = null,
): Promise<ClientConfig> {
  const file = await fetchJson("config.json").catch(() => ({}));
  const timings =
    typeof file === "object" && file !== null && "timings" in file ? file.timings : {};
  return {
    server: serverConfigFrom(file, url),
    timings: readNetTimings(timings, timingsList),
  };
}

/** config.json asked for by prefetchClientConfig, not yet taken by loadClientConfig. */
let early: Promise<unknown> | null = null;

/**
 * Starts fetching config.json now (the page's entry, before the game boots), so the round trip
 * overlaps the engine's start instead of following it; Boot's loadClientConfig takes the answer.
 */
export function prefetchClientConfig(): void {
  early ??= fetchJson("config.json").catch(() => ({}));
}

function defaultFetchJson(path: string): Promise<unknown> {
  if (path === "config.json" && early) {
    const answer = early;
    early = null;
    return answer;
  }
  return fetchJson(path);
}

async function fetchJson(path: string): Promise<unknown> {
  const res = await fetch(new URL(path, document.baseURI), { cache: "no-store" });
  return res.ok ? res.json() : {};
}
