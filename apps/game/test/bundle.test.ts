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

/** The bundle's JavaScript, unminified (names and strings are the same) and never written. */
async function bundle(mode: "production" | "test"): Promise<string> {
  const out = await build({
    root,
    mode,
    logLevel: "silent",
    build: { write: false, minify: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  return outputs
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === "chunk" ? chunk.code : ""))
    .join("\n");
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
 * The product as shipped (minified), and its initial JavaScript: the entry chunks and what they
 * import statically (a dynamic import() arrives later), each chunk gzipped at level 9 as Vite
 * reports it.
 */
async function initialJs(): Promise<{ bytes: number; chunks: string[] }> {
  const out = await build({ root, logLevel: "silent", build: { write: false } });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunks = new Map(
    outputs
      .flatMap((o) => o.output)
      .filter((c): c is Rollup.OutputChunk => c.type === "chunk")
      .map((c) => [c.fileName, c]),
  );
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
