// README.md and docs/ stay matched with the tree: every repository path they name exists (in
// docs/architecture.md also its folder tree, read by indentation), every `npm run` script and
// `pnpm --filter` script they name is defined, every RPC id they name is registered, and every
// other snake_case name they quote in backticks occurs in the code.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./clone";

/** The paths the folder tree names: each entry joined to its parent folders by indentation. */
export function treePaths(markdown: string): string[] {
  const tree = /## The folder tree[\s\S]*?```\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!tree) throw new Error("no ``` block under a '## The folder tree' heading");
  const parents: { indent: number; dir: string }[] = [];
  const paths: string[] = [];
  let entryIndent = -2;
  for (const line of tree.split("\n")) {
    const m = /^( *)(\S+)/.exec(line);
    if (!m?.[2]) continue;
    const indent = m[1]?.length ?? 0;
    // Deeper than one level below the entry before: the next line of that entry's description.
    if (indent > entryIndent + 2) continue;
    entryIndent = indent;
    while ((parents.at(-1)?.indent ?? -1) >= indent) parents.pop();
    const full = (parents.at(-1)?.dir ?? "") + m[2];
    paths.push(full);
    if (full.endsWith("/")) parents.push({ indent, dir: full });
  }
  return paths;
}

const topLevel = "\\.github|\\.ci|apps|packages|infra|scripts|tools|docs";
/**
 * Paths named outside the tree: from a top-level folder, or src/ test/ of some package; and
 * the targets of relative links, from the folder of the page (`dir`, relative to the root).
 */
export function textPaths(markdown: string, dir = "docs"): string[] {
  const text = markdown.replace(/## The folder tree[\s\S]*?```\n[\s\S]*?```/, "");
  const found = new Set<string>();
  const named = new RegExp(`(?:^|[\\s(\`])((?:${topLevel}|src|test)/[\\w./-]*)`, "gm");
  for (const m of text.matchAll(named)) found.add((m[1] ?? "").replace(/[.,]+$/, ""));
  for (const m of text.matchAll(/\]\(([^)#:]+)\)/g)) found.add(path.posix.join(dir, m[1] ?? ""));
  return [...found];
}

/**
 * File names quoted in backticks (`sessions/login-table.ts`, `nakama.ts`): a tracked file must
 * end with it.
 */
export function quotedFiles(markdown: string): string[] {
  const file = /`((?:[\w.-]+\/)*[\w.-]+\.(?:ts|mjs|js|json|ya?ml|md))`/g;
  return [...new Set([...markdown.matchAll(file)].map((m) => m[1] ?? ""))];
}

let tracked: string[] | undefined;
/** Does a tracked file (or one git ignores) end with this name? */
function fileExists(name: string): boolean {
  tracked ??= git("ls-files").stdout.split("\n");
  return tracked.some((f) => f === name || f.endsWith(`/${name}`)) || exists(name);
}

/** `npm start`, `npm test` and `npm run <script>`: the root scripts a page names. */
export function npmScripts(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(/\bnpm (start|test)\b/g)) found.add(m[1] ?? "");
  for (const m of markdown.matchAll(/\bnpm run ([a-z][\w:-]*)/g)) found.add(m[1] ?? "");
  return [...found];
}

/** `pnpm --filter <package> [run] <script>`: a package's scripts a page names. */
export function packageScripts(markdown: string): { pkg: string; script: string }[] {
  return [...markdown.matchAll(/\bpnpm --filter (\S+) (?:run )?([a-z][\w:-]*)/g)].map((m) => ({
    pkg: m[1] ?? "",
    script: m[2] ?? "",
  }));
}

/**
 * Ids a page says are RPCs: `rpc_<id>` (the generated glue), `/v2/rpc/<id>`, "RPC `<id>`",
 * and the first column of a table headed "RPC".
 */
export function rpcIds(markdown: string): string[] {
  const found = new Set<string>();
  for (const pattern of [
    /\brpc_([a-z][a-z0-9_]*)/g,
    /\/v2\/rpc\/([a-z][a-z0-9_]*)/g,
    /\bRPCs? `([a-z][a-z0-9_]*)`/g,
  ]) {
    for (const m of markdown.matchAll(pattern)) found.add(m[1] ?? "");
  }
  let rpcTable = false;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) rpcTable = false;
    else if (/^\|\s*RPC\s*\|/.test(line)) rpcTable = true;
    else if (rpcTable) {
      const id = /^\|\s*`([a-z][a-z0-9_]*)`/.exec(line)?.[1];
      if (id) found.add(id);
    }
  }
  return [...found];
}

/** Every other name quoted in backticks that is snake_case (a field, reason, collection…). */
export function snakeNames(markdown: string): string[] {
  return [
    ...new Set([...markdown.matchAll(/`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g)].map((m) => m[1] ?? "")),
  ];
}

const git = (...args: string[]) =>
  spawnSync("git", args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/**
 * A path exists from the repo root, or (src/…, test/…, scripts/…) inside a workspace package,
 * or is one git ignores (what a command writes, e.g. bench/results/).
 */
function exists(rel: string): boolean {
  if (fs.existsSync(path.join(repoRoot, rel))) return true;
  if (/^(src|test|scripts)\//.test(rel)) {
    const packages = ["apps", "packages", "tools"].flatMap((group) =>
      fs.readdirSync(path.join(repoRoot, group)).map((name) => path.join(group, name)),
    );
    if (packages.some((dir) => fs.existsSync(path.join(repoRoot, dir, rel)))) return true;
  }
  // What a build writes (ignored by git): `dist/` patterns match a path only as a folder, and
  // before the first build nothing says it is one.
  const ignored = (p: string) => git("check-ignore", "-q", "--no-index", p).status === 0;
  return ignored(rel) || ignored(`${rel}/`);
}

let names: Set<string> | undefined;
/** Every snake_case word in the tracked files other than docs (this file's samples left out). */
function codeNames(): Set<string> {
  names ??= new Set(
    git(
      "grep",
      "-o",
      "-h",
      "-I",
      "-w",
      "-E",
      "[a-z][a-z0-9]*(_[a-z0-9]+)+",
      "--",
      ":!*.md",
      ":!packages/template-tests/test/docs.test.ts",
    ).stdout.split("\n"),
  );
  return names;
}

const EXAMPLE_RPC = /\bclaim-reward\b/;

const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, rel), "utf8"));

/** Workspace package name (and ./path) → its scripts. */
function workspaceScripts(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const group of ["apps", "packages", "tools"]) {
    for (const name of fs.readdirSync(path.join(repoRoot, group))) {
      const rel = path.posix.join(group, name, "package.json");
      if (!fs.existsSync(path.join(repoRoot, rel))) continue;
      const pkg = readJson(rel);
      out.set(pkg.name, pkg.scripts ?? {});
      out.set(`./${group}/${name}`, pkg.scripts ?? {});
    }
  }
  return out;
}

/** The RPC ids registered: each contract's id (packages/contracts/src/rpcs) and the test module's. */
function registeredRpcIds(): Set<string> {
  const sources = [
    ...fs
      .readdirSync(path.join(repoRoot, "packages/contracts/src/rpcs"))
      .map((f) => `packages/contracts/src/rpcs/${f}`),
    "apps/server/test/determinism/contract.ts",
  ];
  const ids = new Set<string>();
  for (const rel of sources) {
    const text = fs.readFileSync(path.join(repoRoot, rel), "utf8");
    for (const m of text.matchAll(/\bid: "([a-z0-9_]+)"|export const [A-Z_]+ = "([a-z0-9_]+)"/g)) {
      ids.add(m[1] ?? m[2] ?? "");
    }
  }
  return ids;
}

const pages = [
  "README.md",
  ...fs
    .readdirSync(path.join(repoRoot, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const read = (rel: string) => fs.readFileSync(path.join(repoRoot, rel), "utf8");

describe.each(pages)("%s", (page) => {
  const doc = read(page);
  const dir = path.posix.dirname(page);

  it("names only paths that exist", () => {
    const paths = [
      ...(page === "docs/architecture.md" ? treePaths(doc) : []),
      ...textPaths(doc, dir),
    ];
    // The guide's example RPC (what `npm run new:rpc -- rounds/claim_reward` writes) doesn't
    // exist; its files must sit in folders that do.
    const missing = paths.filter((rel) =>
      EXAMPLE_RPC.test(rel) ? !exists(path.posix.dirname(rel)) : !exists(rel),
    );
    expect(missing).toEqual([]);
    expect(quotedFiles(doc).filter((name) => !EXAMPLE_RPC.test(name) && !fileExists(name))).toEqual(
      [],
    );
  });

  it("names only scripts that are defined", () => {
    const root = readJson("package.json").scripts;
    expect(npmScripts(doc).filter((s) => !(s in root))).toEqual([]);
    const scripts = workspaceScripts();
    expect(
      packageScripts(doc).filter(({ pkg, script }) => !(script in (scripts.get(pkg) ?? {}))),
    ).toEqual([]);
  });

  it("names only RPCs that are registered, and snake_case names the code has", () => {
    const registered = registeredRpcIds();
    expect(rpcIds(doc).filter((id) => !registered.has(id))).toEqual([]);
    const known = codeNames();
    const absent = snakeNames(doc).filter((name) => !known.has(name));
    expect(absent).toEqual([]);
  });
});

describe("the docs checks themselves", () => {
  it("find what the pages name (the checks are not vacuous)", () => {
    const all = pages.map(read).join("\n");
    const arch = read("docs/architecture.md");
    expect([...treePaths(arch), ...textPaths(arch)].length).toBeGreaterThan(60);
    expect(npmScripts(all)).toEqual(expect.arrayContaining(["start", "test", "new:rpc", "bench"]));
    expect(rpcIds(all)).toEqual(expect.arrayContaining(["live_round_create", "replay_get"]));
    expect(registeredRpcIds().has("session_check")).toBe(true);
    expect(snakeNames(all).length).toBeGreaterThan(50);
    expect(codeNames().has("live_round_create")).toBe(true);
    expect(codeNames().has(["no", "such", "name"].join("_"))).toBe(false);
  });

  it("read a tree by its indentation, skipping descriptions' next lines", () => {
    const sample = [
      "## The folder tree",
      "```",
      "apps/",
      "  game/        the client",
      "                 which has a long description",
      "    src/net/   the net layer",
      "      rpcs/    client calls",
      "  server/      the module",
      "tools/",
      "  devkit/      the tooling",
      "```",
    ].join("\n");
    expect(treePaths(sample)).toEqual([
      "apps/",
      "apps/game/",
      "apps/game/src/net/",
      "apps/game/src/net/rpcs/",
      "apps/server/",
      "tools/",
      "tools/devkit/",
    ]);
    expect(textPaths("see `apps/server/src/main.ts`, (src/net/rpcs/x.ts) and [a](b.md).")).toEqual([
      "apps/server/src/main.ts",
      "src/net/rpcs/x.ts",
      "docs/b.md",
    ]);
    expect(textPaths("[a](docs/b.md)", ".")).toEqual(["docs/b.md"]);
    expect(exists("apps/server/src/nowhere/")).toBe(false);
    expect(exists("src/nowhere.ts")).toBe(false);
    expect(exists("bench/results/x.json")).toBe(true);
    expect(quotedFiles("`sessions/login-table.ts` and `main.ts`, not `a b.ts`")).toEqual([
      "sessions/login-table.ts",
      "main.ts",
    ]);
    expect(fileExists("sessions/login-table.ts")).toBe(true);
    expect(fileExists("runtime/login-table.ts")).toBe(false);
  });

  it("find scripts and RPC ids the way pages write them", () => {
    expect(npmScripts("`npm start`, npm test, `npm run new:rpc -- a/b`, npm run bench")).toEqual([
      "start",
      "test",
      "new:rpc",
      "bench",
    ]);
    expect(
      packageScripts("`pnpm --filter @gift-grab/e2e bench:fps` and pnpm --filter x run y"),
    ).toEqual([
      { pkg: "@gift-grab/e2e", script: "bench:fps" },
      { pkg: "x", script: "y" },
    ]);
    const text = [
      "RPC `session_logout` and `rpc_round_start`, POST /v2/rpc/replay_get; `internal` RPC errors",
      "",
      "| RPC | Request |",
      "| --- | --- |",
      "| `player_stats_get` | `{}` |",
      "",
      "| Reason | Code |",
      "| `rate_limited` | 8 |",
    ].join("\n");
    expect(rpcIds(text).sort()).toEqual(
      ["player_stats_get", "replay_get", "round_start", "session_logout"].sort(),
    );
    expect(snakeNames(text)).toEqual(expect.arrayContaining(["rate_limited", "player_stats_get"]));
  });
});
