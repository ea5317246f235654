// The module build's deferred chunks (scripts/build-module.mjs, step 1): what a match's VM
// evaluates when it is made, and the build's refusals of a deferral that can't work.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModule, serverRoot } from "../../scripts/build-module.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-module-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text of one lazy chunk of a built module: from its function to the next chunk's. */
function chunkOf(source: string, name: string): string {
  const start = source.indexOf(`\nfunction ${name}() {`);
  expect(start).toBeGreaterThan(0);
  const next = source.indexOf("\nvar __giftGrab", start);
  return source.slice(start, next < 0 ? undefined : next);
}

/** A tiny registry, match chunk and deferred module in `dir`, built. */
async function buildFixture(files: Record<string, string>, deferred: string[]) {
  const root = fs.mkdtempSync(path.join(dir, "fixture-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  const outfile = path.join(root, "index.js");
  await buildModule({
    entry: path.join(root, "main.ts"),
    matchEntry: path.join(root, "matches.ts"),
    deferred: deferred.map((f) => path.join(root, f)),
    outfile,
  });
  return fs.readFileSync(outfile, "utf8");
}

const registry = `export const rpcs = {}; export const hooks = {};
export function init() {} export function runRpc() {} export function runHook() {}`;
const handler = (imports: string, end: string) => `${imports}
export const matches = { demo: {
  matchInit: () => ({ state: {}, tickRate: 1, label: "" }),
  matchJoinAttempt: (c, l, n, d, t, state) => ({ state, accept: true }),
  matchJoin: (c, l, n, d, t, state) => ({ state }),
  matchLeave: (c, l, n, d, t, state) => ({ state }),
  matchLoop: (c, l, n, d, t, state) => { ${end}; return { state }; },
  matchTerminate: (c, l, n, d, t, state) => ({ state }),
  matchSignal: (c, l, n, d, t, state) => ({ state, data: "" }),
} };`;

describe("the module's build", () => {
  it("leaves zod and the round's end out of the match chunk: a match's VM builds neither until its round ends", async () => {
    const outfile = path.join(dir, "index.js");
    await buildModule({
      entry: path.join(serverRoot, "src/main.ts"),
      matchEntry: path.join(serverRoot, "src/matches.ts"),
      deferred: [path.join(serverRoot, "src/rounds/live/round-end.ts")],
      outfile,
    });
    const source = fs.readFileSync(outfile, "utf8");
    const matchChunk = chunkOf(source, "__giftGrabMatches");
    expect(matchChunk).not.toMatch(/node_modules\/zod/);
    expect(matchChunk).not.toMatch(/src\/rounds\/live\/results/);
    expect(matchChunk).toContain("return __giftGrabRoundEnd().writeResults(...args);");
    const endChunk = chunkOf(source, "__giftGrabRoundEnd");
    expect(endChunk).toMatch(/node_modules\/zod/);
    expect(endChunk).toContain("// src/rounds/live/results.ts");
  });

  it("a deferred module's functions run in its own chunk, evaluated on the first call", async () => {
    const source = await buildFixture(
      {
        "main.ts": registry,
        "matches.ts": handler(`import { finish } from "./end";`, "finish(state)"),
        "end.ts": `globalThis.endEvaluated = true; export function finish(s) { s.done = true; }`,
      },
      ["end.ts"],
    );
    const run = new Function(
      `${source}\nvar before = globalThis.endEvaluated === true; var state = {};\n` +
        "match_demo_matchLoop(null, null, null, null, 0, state, []);\n" +
        "return { before: before, after: globalThis.endEvaluated === true, done: state.done };",
    );
    expect(run()).toEqual({ before: false, after: true, done: true });
  });

  it("refuses a deferred module that exports a value, or that the match chunk never imports", async () => {
    await expect(
      buildFixture(
        {
          "main.ts": registry,
          "matches.ts": handler(`import { finish } from "./end";`, "finish(state)"),
          "end.ts": "export const LIMIT = 3; export function finish() {}",
        },
        ["end.ts"],
      ),
    ).rejects.toThrow(/exports functions only, not LIMIT/);
    await expect(
      buildFixture(
        {
          "main.ts": registry,
          "matches.ts": handler("", ""),
          "end.ts": "export function finish() {}",
        },
        ["end.ts"],
      ),
    ).rejects.toThrow(/deferred but never imported/);
  });
});
