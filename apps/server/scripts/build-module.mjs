// Builds a Nakama JavaScript module (dist/index.js: scripts/build.mjs), one file:
// 1. bundle src/main.ts (RPCs and hooks) and, apart, the match handlers' registry
//    (src/matches.ts), each as an IIFE evaluated lazily: on the first call that needs it,
//    inside a top-level function that keeps the result. Nakama evaluates the whole file
//    in every VM it makes, and every match gets a VM of its own: with nothing built at the
//    top level, creating a match costs the match chunk alone, evaluated by matchInit, and an
//    RPC VM never evaluates the match chunk. A module the match chunk defers (`deferred`:
//    a round's end, which writes storage and the boards through the stored records' zod
//    schemas) is a lazy chunk of its own, and the match chunk's import of it a stub whose
//    functions call into that chunk: a playing match's VM never builds zod's classes, half of
//    what its VM held (less heap for Go's GC to mark, docs/performance.md). Module state
//    (zod's too: its failure path reuses a descriptor object) stays out of the freeze of
//    Nakama's read-only globals (runtime.js_read_only_globals): a freeze of it would make bad
//    input end in a TypeError.
// 2. read the registry (rpc ids, hook names, match handler names) by evaluating the bundles
//    in a Node VM;
// 3. append the glue Nakama's parser needs: one top-level function per entry, each going
//    through the module's one error mapping (runRpc, runHook, runRtBefore) and throwing what
//    thrownError makes of an error (no frame of the module in what Nakama answers:
//    src/runtime/refusal.ts), one per callback of each match handler (Nakama wants an object
//    literal of global functions), and an InitModule that registers each with a string literal id;
// 4. check the result against Nakama's AST rules (scripts/verify-bundle.mjs).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";
import { MATCH_CALLBACKS, verifyBundle } from "./verify-bundle.mjs";

/** Each match callback's parameters (nakama-common's MatchHandler), in Nakama's order. */
const MATCH_PARAMS = {
  matchInit: ["ctx", "logger", "nk", "params"],
  matchJoinAttempt: ["ctx", "logger", "nk", "dispatcher", "tick", "state", "presence", "metadata"],
  matchJoin: ["ctx", "logger", "nk", "dispatcher", "tick", "state", "presences"],
  matchLeave: ["ctx", "logger", "nk", "dispatcher", "tick", "state", "presences"],
  matchLoop: ["ctx", "logger", "nk", "dispatcher", "tick", "state", "messages"],
  matchTerminate: ["ctx", "logger", "nk", "dispatcher", "tick", "state", "graceSeconds"],
  matchSignal: ["ctx", "logger", "nk", "dispatcher", "tick", "state", "data"],
};

/** The top-level functions that evaluate each chunk once and return its exports. */
const GLOBAL = "__giftGrab()";
const MATCHES = "__giftGrabMatches()";
/**
 * Evaluated eagerly, unlike the chunks: src/runtime/refusal.ts makes the Error every entry point
 * throws in a Promise job, and goja runs a script's jobs when the script ends (before Nakama
 * freezes the globals) but a call's only after the call returns: made inside a lazy chunk's
 * first call, a VM's first refusal would go out without it.
 */
const REFUSAL = "__giftGrabRefusal";
const REFUSAL_ENTRY = "src/runtime/refusal.ts";
export const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * One entry bundled as an IIFE whose exports are assigned to `var globalName`.
 * @param {string} entry
 * @param {string} globalName
 * @param {import("esbuild").Plugin[]} [plugins]
 */
async function bundleIife(entry, globalName, plugins = []) {
  const result = await build({
    plugins,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    globalName,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    treeShaking: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/**
 * One entry bundled as an IIFE inside `function name()`, which evaluates it on its first
 * call and returns its exports from then on.
 * @param {string} entry
 * @param {string} name
 * @param {import("esbuild").Plugin[]} [plugins]
 */
async function lazyChunk(entry, name, plugins = []) {
  const iife = await bundleIife(entry, "chunk", plugins);
  return [
    `var ${name}_exports;`,
    `function ${name}() {`,
    `  if (${name}_exports) return ${name}_exports;`,
    iife,
    `  ${name}_exports = chunk;`,
    "  return chunk;",
    "}",
  ].join("\n");
}

/** A deferred module's top-level function: src/rounds/live/round-end.ts → __giftGrabRoundEnd. */
const deferredName = (file) =>
  `__giftGrab${path.basename(file, ".ts").replace(/(?:^|-)([a-z0-9])/g, (_, c) => c.toUpperCase())}`;

/**
 * Each deferred module as a lazy chunk, and the plugin that makes an import of it, in the
 * chunk that defers it, a stub: one function per export, calling into the chunk. Its exports
 * must all be functions (a value would be read before the chunk is evaluated).
 * @param {string[]} files
 */
async function deferredChunks(files) {
  const stubs = new Map();
  const imported = new Set();
  const chunks = [];
  for (const file of files) {
    const name = deferredName(file);
    const chunk = await lazyChunk(file, name);
    const exports = vm.runInNewContext(`${chunk}\n${name}()`, {});
    const names = Object.keys(exports);
    const notFunctions = names.filter((n) => typeof exports[n] !== "function");
    if (notFunctions.length > 0)
      throw new Error(`${file}: a deferred module exports functions only, not ${notFunctions}`);
    stubs.set(
      path.resolve(file),
      names
        .map((n) => `export function ${n}(...args) { return ${name}().${n}(...args); }`)
        .join("\n"),
    );
    chunks.push(chunk);
  }
  /** @type {import("esbuild").Plugin} */
  const plugin = {
    name: "deferred-modules",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path);
        const hit = [abs, `${abs}.ts`].find((p) => stubs.has(p));
        if (!hit) return undefined;
        imported.add(hit);
        return { path: hit, namespace: "deferred" };
      });
      b.onLoad({ filter: /.*/, namespace: "deferred" }, (args) => ({
        contents: stubs.get(args.path),
        loader: "js",
      }));
    },
  };
  /** Throws for a deferred module the chunk never imported (renamed, or imported by path). */
  const checkImported = () => {
    const unused = [...stubs.keys()].filter((f) => !imported.has(f));
    if (unused.length > 0) throw new Error(`deferred but never imported: ${unused.join(", ")}`);
  };
  return { chunks, plugin, checkImported };
}

/**
 * Builds the module whose registry `entry` exports (rpcs, hooks, rtBefore?, init, runRpc,
 * runHook and runRtBefore when it has hooks), with the match handlers `matchEntry` exports
 * (matches), into `outfile`; `deferred`: modules the match chunk evaluates only when it calls
 * them (step 1). Returns the file's size and what it registers.
 * @param {{ entry: string; matchEntry?: string; deferred?: string[]; outfile: string }} options
 * @returns {Promise<{ bytes: number } & ReturnType<typeof verifyBundle>>}
 */
export async function buildModule({ entry, matchEntry, deferred = [], outfile }) {
  const main = await lazyChunk(entry, "__giftGrab");
  const later = await deferredChunks(deferred);
  const matchChunk = matchEntry
    ? await lazyChunk(matchEntry, "__giftGrabMatches", [later.plugin])
    : "";
  later.checkImported();

  const registry = vm.runInNewContext(`${main}\n${GLOBAL}`, {});
  const rpcIds = Object.keys(registry.rpcs);
  const hookMethods = Object.keys(registry.hooks);
  const rtBeforeIds = Object.keys(registry.rtBefore ?? {});
  const matchNames = matchEntry
    ? Object.keys(vm.runInNewContext(`${matchChunk}\n${MATCHES}`, {}).matches)
    : [];
  const refusal = await bundleIife(path.join(serverRoot, REFUSAL_ENTRY), REFUSAL);
  const bundle = [refusal, main, matchChunk, ...later.chunks].join("\n");

  const ident = (s) => s.replace(/[^A-Za-z0-9_$]/g, "_");
  const glue = [
    "// Generated by scripts/build.mjs: the entry points Nakama's parser looks for.",
    ...rpcIds.map(
      (id) =>
        `function rpc_${ident(id)}(ctx, logger, nk, payload) {\n  var out = ${GLOBAL}.runRpc(${JSON.stringify(id)}, ctx, logger, nk, payload);\n  if (out.error) throw ${REFUSAL}.thrownError(out.error);\n  return out.payload;\n}`,
    ),
    // Hooks too go through one error mapping (src/runtime/call-hook.ts): no Go error text,
    // no 500 for a database that is down.
    ...hookMethods.map(
      (m) =>
        `function hook_${m}(ctx, logger, nk, a, b) {\n  var out = ${GLOBAL}.runHook(${JSON.stringify(m)}, ctx, logger, nk, a, b);\n  if (out.error) throw ${REFUSAL}.thrownError(out.error);\n  return out.result;\n}`,
    ),
    ...rtBeforeIds.map(
      (id) =>
        `function rt_before_${ident(id)}(ctx, logger, nk, envelope) {\n  var out = ${GLOBAL}.runRtBefore(${JSON.stringify(id)}, ctx, logger, nk, envelope);\n  if (out.error) throw ${REFUSAL}.thrownError(out.error);\n  return out.result;\n}`,
    ),
    // A match handler's callbacks catch their own errors (src/rounds/live/match.ts): a throw
    // out of matchLoop would stop the match. Each passes its parameters by name, to the
    // handler kept in a global var once found: matchLoop runs 20 times a second per match, and
    // in goja an `arguments` object, an apply() and the chunk's getters were ~8 % of Nakama's
    // CPU in live rounds. (Nakama's read-only globals freeze the globals' values, not the
    // global object: the var, undefined when they are frozen, can be set later.)
    ...matchNames.flatMap((name) => [
      `var match_${ident(name)}_handler;`,
      ...MATCH_CALLBACKS.map((fn) => {
        const params = MATCH_PARAMS[fn].join(", ");
        const handler = `match_${ident(name)}_handler`;
        return `function match_${ident(name)}_${fn}(${params}) {\n  var h = ${handler} || (${handler} = ${MATCHES}.matches[${JSON.stringify(name)}]);\n  return h.${fn}(${params});\n}`;
      }),
    ]),
    "function InitModule(ctx, logger, nk, initializer) {",
    ...rpcIds.map((id) => `  initializer.registerRpc(${JSON.stringify(id)}, rpc_${ident(id)});`),
    ...hookMethods.map((m) => `  initializer.${m}(hook_${m});`),
    ...rtBeforeIds.map(
      (id) => `  initializer.registerRtBefore(${JSON.stringify(id)}, rt_before_${ident(id)});`,
    ),
    ...matchNames.map(
      (name) =>
        `  initializer.registerMatch(${JSON.stringify(name)}, {\n${MATCH_CALLBACKS.map((fn) => `    ${fn}: match_${ident(name)}_${fn},`).join("\n")}\n  });`,
    ),
    // A statement on a plain identifier: Nakama's parser asserts the callee's object is one.
    `  var module = ${GLOBAL};`,
    "  module.init(ctx, logger, nk, initializer);",
    "}",
    "",
  ].join("\n");

  const source = `${bundle}\n${glue}`;
  const checked = verifyBundle(source);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(outfile, source);
  return {
    bytes: source.length,
    rpcs: checked.rpcs,
    hooks: checked.hooks,
    matches: checked.matches,
  };
}
