// The server's imports run one way (docs/architecture.md): main.ts → domains → runtime/ →
// limits/ → contracts. runtime/ imports no domain, and the domains import each other without a circle.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** Folder of src/ a file belongs to ("main.ts" for the registry). */
const folderOf = (rel: string) => (rel.includes("/") ? (rel.split("/")[0] ?? rel) : rel);

/** Folder → the other folders of src/ its files import (relative imports only). */
export function folderImports(files: Map<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [rel, text] of files) {
    const from = folderOf(rel);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const m of text.matchAll(/\b(?:from|import)\s+"(\.{1,2}\/[^"]+)"/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1] ?? ""));
      const to = folderOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** A cycle among the folders, as a path, or undefined. */
export function cycleIn(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    if (state.get(node) === "done") return undefined;
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of fs.readdirSync(src, { recursive: true, encoding: "utf8" })) {
    if (rel.endsWith(".ts"))
      files.set(rel.split(path.sep).join("/"), fs.readFileSync(path.join(src, rel), "utf8"));
  }
  return files;
}

describe("the server's layers", () => {
  const graph = folderImports(sources());

  it("runtime/ imports no domain (only limits/, which imports nothing of src/), and nothing imports main.ts", () => {
    expect([...(graph.get("runtime") ?? [])]).toEqual(["limits"]);
    expect([...(graph.get("limits") ?? [])]).toEqual([]);
    const intoMain = [...graph].filter(([, to]) => to.has("main.ts")).map(([from]) => from);
    expect(intoMain).toEqual([]);
    expect(graph.get("main.ts")?.has("runtime")).toBe(true);
  });

  it("the domains import each other without a circle", () => {
    expect(cycleIn(graph)).toBeUndefined();
    expect(graph.get("rounds")?.has("leaderboard")).toBe(true);
  });

  it("finds an upward import and a circle (the checks can fail)", () => {
    const bad = folderImports(
      new Map([
        ["runtime/errors.ts", 'import { x } from "../rounds/tickets";'],
        ["rounds/tickets.ts", 'import { y } from "../leaderboard/replays";'],
        ["leaderboard/replays.ts", 'import { z } from "../rounds/config";\nimport "./same";'],
      ]),
    );
    expect([...(bad.get("runtime") ?? [])]).toEqual(["rounds"]);
    expect(cycleIn(bad)).toEqual(["rounds", "leaderboard", "rounds"]);
  });
});
