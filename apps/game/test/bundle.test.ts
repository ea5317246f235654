import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/**
 * The product holds only the product: the production bundle (`vite build` → dist/, src/main.ts)
 * has none of the test build's probe, bench round, URL switches or inspect events, and the test
 * build (`vite build --mode test` → dist-test/, test-entry/main.ts) has every one, so each name
 * below is shown to find what it looks for.
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

/** What a build's output depends on: a file here newer than the build means it is stale. */
const SOURCES = ["src", "test-entry", "phaser-slim", "public", "index.html", "vite.config.ts"];

function newestSource(): { file: string; ms: number } {
  let newest = { file: "", ms: 0 };
  const visit = (rel: string) => {
    const stat = fs.statSync(path.join(root, rel));
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(path.join(root, rel))) visit(path.join(rel, name));
    } else if (stat.mtimeMs > newest.ms) newest = { file: rel, ms: stat.mtimeMs };
  };
  for (const rel of SOURCES) visit(rel);
  return newest;
}

/**
 * The builds turbo made before this test (turbo.json: game#test depends on build and
 * build:test; building them again here doubled the unit stage's longest task), read as
 * shipped: minified, string literals and property names survive, so the names above are found
 * as well as in readable code. Run outside turbo after a change, it says to build first
 * rather than read an old bundle.
 */
function builtDir(mode: "production" | "test"): string {
  const [dir, script] = mode === "production" ? ["dist", "build"] : ["dist-test", "build:test"];
  const html = path.join(root, dir, "index.html");
  const again = `run \`pnpm --filter @gift-grab/game ${script}\` (npm test builds it first)`;
  if (!fs.existsSync(html)) throw new Error(`no ${dir}/index.html: ${again}`);
  const source = newestSource();
  if (source.ms > fs.statSync(html).mtimeMs)
    throw new Error(`${dir}/ is older than ${source.file}: ${again}`);
  return path.join(root, dir);
}

/** Every JavaScript file a build shipped, by its path under the build's folder. */
function chunksOf(mode: "production" | "test"): Map<string, string> {
  const dir = builtDir(mode);
  const chunks = new Map<string, string>();
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith(".js"))
        chunks.set(child, fs.readFileSync(path.join(dir, child), "utf8"));
    }
  };
  visit("");
  return chunks;
}

/** The bundle's JavaScript, every chunk. */
function bundle(mode: "production" | "test"): string {
  return [...chunksOf(mode).values()].join("\n");
}

const found = (js: string) =>
  Object.entries(TEST_ONLY)
    .filter(([, pattern]) => pattern.test(js))
    .map(([name]) => name);

describe("the production bundle", () => {
  it("serves no test: no probe, bench round, play-changing switch or inspect event", () => {
    const [product, test] = [bundle("production"), bundle("test")];
    expect(found(product)).toEqual([]);
    expect(found(test)).toEqual(Object.keys(TEST_ONLY));
    // What a player may set for support stays in the product: ?renderer and ?dpr.
    expect(product).toMatch(/get\("renderer"\)/);
    expect(product).toMatch(/get\("dpr"\)/);
  });
});

/** What a player's browser fetches before the first paint, gzipped as a server sends it. */
const INITIAL_JS_BUDGET = 300 * 1024;

/**
 * The product's initial JavaScript: what dist/index.html loads, its entry script and the
 * chunks Vite preloads with it (what the entry imports statically; a dynamic import() arrives
 * later), each gzipped at level 9 as Vite reports it.
 */
function initialJs(): { bytes: number; chunks: string[] } {
  const dir = builtDir("production");
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const chunks = [
    ...html.matchAll(
      /<script type="module"[^>]* src="\/([^"]+)"|<link rel="modulepreload"[^>]* href="\/([^"]+)"/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
  const bytes = chunks
    .map((rel) => gzipSync(fs.readFileSync(path.join(dir, rel)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  return { bytes, chunks };
}

describe("the first load", () => {
  it(`fetches at most ${INITIAL_JS_BUDGET / 1024} KB of JavaScript, gzipped`, () => {
    const { bytes, chunks } = initialJs();
    expect(chunks.length).toBeGreaterThan(0);
    expect(bytes, `initial JS (${chunks.join(", ")}), bytes gzipped`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET,
    );
  });
});
