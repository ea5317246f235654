import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";
import { describe, expect, it } from "vitest";

/**
 * The product holds only the product: the production bundle (`vite build`, src/main.ts) has
 * none of the test build's probe, bench round, URL switches or inspect events, and the test
 * build (`vite build --mode test`, test-entry/main.ts) has every one, so each name below is
 * shown to find what it looks for.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TEST_ONLY: Record<string, RegExp> = {
  "the probe's window API": /__giftGrab/,
  "inspect events": /"inspect"/,
  "the bench round": /"Bench"|get\("bench"\)/,
  "?speed": /get\("speed"\)/,
  "?seed": /get\("seed"\)/,
  "?countdown": /get\("countdown"\)/,
  "?timings": /get\("timings"\)/,
  "the 30 fps cap": /get\("frames"\)/,
};

/**
 * A build's chunks, as shipped (minified: string literals and property names survive it, so
 * the names below are found as well as in readable code), never written. One build of each
 * mode for the whole file: the production one is both checked for test code and weighed.
 */
const builds = new Map<string, Promise<Rollup.OutputChunk[]>>();
function chunksOf(mode: "production" | "test"): Promise<Rollup.OutputChunk[]> {
  let chunks = builds.get(mode);
  if (!chunks) {
    chunks = build({ root, mode, logLevel: "silent", build: { write: false } }).then((out) =>
      ((Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[])
        .flatMap((o) => o.output)
        .filter((c): c is Rollup.OutputChunk => c.type === "chunk"),
    );
    builds.set(mode, chunks);
  }
  return chunks;
}

/** The bundle's JavaScript, every chunk. */
async function bundle(mode: "production" | "test"): Promise<string> {
  return (await chunksOf(mode)).map((c) => c.code).join("\n");
}

const found = (js: string) =>
  Object.entries(TEST_ONLY)
    .filter(([, pattern]) => pattern.test(js))
    .map(([name]) => name);

describe("the production bundle", () => {
  it("serves no test: no probe, bench round, play-changing switch or inspect event", async () => {
    const [product, test] = [await bundle("production"), await bundle("test")];
    expect(found(product)).toEqual([]);
    expect(found(test)).toEqual(Object.keys(TEST_ONLY));
    // What a player may set for support stays in the product: ?renderer and ?dpr.
    expect(product).toMatch(/get\("renderer"\)/);
    expect(product).toMatch(/get\("dpr"\)/);
  }, 300_000);
});

/** What a player's browser fetches before the first paint, gzipped as a server sends it. */
const INITIAL_JS_BUDGET = 300 * 1024;

/**
 * The product's initial JavaScript: the entry chunks and what they import statically (a
 * dynamic import() arrives later), each chunk gzipped at level 9 as Vite reports it.
 */
async function initialJs(): Promise<{ bytes: number; chunks: string[] }> {
  const chunks = new Map((await chunksOf("production")).map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
  };
  for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
  const bytes = [...initial]
    .map((name) => gzipSync(chunks.get(name)?.code ?? "", { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  return { bytes, chunks: [...initial] };
}

describe("the first load", () => {
  it(`fetches at most ${INITIAL_JS_BUDGET / 1024} KB of JavaScript, gzipped`, async () => {
    const { bytes, chunks } = await initialJs();
    expect(chunks.length).toBeGreaterThan(0);
    expect(bytes, `initial JS (${chunks.join(", ")}), bytes gzipped`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET,
    );
  }, 300_000);
});
