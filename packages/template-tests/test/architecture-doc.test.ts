// docs/architecture.md and the tree stay matched: every repo path the page names exists (the
// folder tree, read by its indentation, and every path in its text, links and diagram).
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
/** Paths named outside the tree: from a top-level folder, or src/ test/ of some package. */
export function textPaths(markdown: string): string[] {
  const text = markdown.replace(/## The folder tree[\s\S]*?```\n[\s\S]*?```/, "");
  const found = new Set<string>();
  const named = new RegExp(`(?:^|[\\s(\`])((?:${topLevel}|src|test)/[\\w./-]*)`, "gm");
  for (const m of text.matchAll(named)) found.add((m[1] ?? "").replace(/[.,]+$/, ""));
  for (const m of text.matchAll(/\]\(([^)#:]+)\)/g)) found.add(`docs/${m[1]}`);
  return [...found];
}

/** A path exists from the repo root, or (src/…, test/…, scripts/…) inside a workspace package. */
function exists(rel: string): boolean {
  if (fs.existsSync(path.join(repoRoot, rel))) return true;
  if (!/^(src|test|scripts)\//.test(rel)) return false;
  const packages = ["apps", "packages", "tools"].flatMap((group) =>
    fs.readdirSync(path.join(repoRoot, group)).map((name) => path.join(group, name)),
  );
  return packages.some((dir) => fs.existsSync(path.join(repoRoot, dir, rel)));
}

describe("docs/architecture.md", () => {
  const doc = fs.readFileSync(path.join(repoRoot, "docs/architecture.md"), "utf8");

  it("names only paths that exist", () => {
    const paths = [...treePaths(doc), ...textPaths(doc)];
    expect(paths.length).toBeGreaterThan(60);
    expect(paths.filter((rel) => !exists(rel))).toEqual([]);
  });

  it("reads a tree by its indentation, skipping descriptions' next lines", () => {
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
    expect(exists("apps/server/src/nowhere/")).toBe(false);
    expect(exists("src/nowhere.ts")).toBe(false);
  });
});
