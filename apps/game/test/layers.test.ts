import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The client's layers, top to bottom: each file imports only from layers below its own (and
 * from its own folder), never from a sibling on its row, and no import chain comes back to
 * where it started. docs/architecture.md states the same order (checked below).
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["test-entry/"],
  ["src/main.ts"],
  ["src/app/"],
  ["src/scenes/"],
  ["src/views/"],
  ["src/play/"],
  ["src/net/", "src/audio/", "src/art/"],
  ["src/core/"],
  ["src/config/"],
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")));
}

/** Every module specifier a file names: imports, re-exports, `import()` and `import type`. */
export function specifiers(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The layer's row (0 = top) and its folder, or null for a file no layer holds. */
function layerOf(file: string): { row: number; part: string } | null {
  for (const [row, parts] of LAYERS.entries()) {
    const part = parts.find((p) => (p.endsWith("/") ? file.startsWith(p) : file === p));
    if (part) return { row, part };
  }
  return null;
}

/** `from` → the files it imports, within the app (packages are below every layer). */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const from of files) {
    const text = fs.readFileSync(path.join(root, from), "utf8");
    const targets = specifiers(from, text)
      .filter((s) => s.startsWith("."))
      .map((s) => {
        const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), s));
        return [`${base}.ts`, `${base}/index.ts`, base].find((c) => files.includes(c)) ?? base;
      });
    graph.set(from, targets);
  }
  return graph;
}

/** Imports that run up, sideways to a sibling on the same row, or out of every layer. */
export function wrongWays(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [from, targets] of graph) {
    const a = layerOf(from);
    if (!a) {
      wrong.push(`${from}: in no layer`);
      continue;
    }
    for (const to of targets) {
      const b = layerOf(to);
      if (!b) wrong.push(`${from} → ${to}: outside every layer`);
      else if (b.row < a.row) wrong.push(`${from} → ${to}: up from ${a.part} to ${b.part}`);
      else if (b.row === a.row && b.part !== a.part)
        wrong.push(`${from} → ${to}: sideways from ${a.part} to ${b.part}`);
    }
  }
  return wrong;
}

/** Every cycle, as the chain of files that closes it (each reported once). */
export function cycles(graph: Map<string, string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const chain = stack.slice(stack.indexOf(next));
        const start = chain.indexOf([...chain].sort()[0] as string);
        const canonical = [...chain.slice(start), ...chain.slice(0, start)];
        found.add([...canonical, canonical[0]].join(" → "));
      } else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return [...found];
}

/** The order as docs/architecture.md writes it: rows joined by →, siblings by ·. */
export function orderLine(): string {
  return LAYERS.map((parts) => parts.map((p) => `\`${p.replace(/^src\//, "")}\``).join(" · ")).join(
    " → ",
  );
}

describe("the client's layers", () => {
  const files = [...sources("src"), ...sources("test-entry")];
  const graph = importGraph(files);

  it("import only downward: no file imports up, sideways or out of the layers", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(wrongWays(graph)).toEqual([]);
  });

  it("have no import cycle, type-only imports included", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("let scenes and views reach the net only through GameNet (one way to call an RPC)", () => {
    const face = ["types", "current-net", "messages", "create-net"].map((f) => `src/net/${f}.ts`);
    const around = [...graph].flatMap(([from, targets]) =>
      /^src\/(scenes|views|app)\//.test(from)
        ? targets
            .filter((t) => t.startsWith("src/net/") && !face.includes(t))
            .map((t) => `${from} → ${t}`)
        : [],
    );
    expect(around).toEqual([]);
  });

  it("are named in one case: every file kebab-case", () => {
    expect(files.filter((f) => !/^[a-z0-9-]+(\.d)?\.ts$/.test(path.posix.basename(f)))).toEqual([]);
  });

  it("are the order docs/architecture.md states", () => {
    const doc = fs.readFileSync(path.join(root, "../../docs/architecture.md"), "utf8");
    expect(doc).toContain(orderLine());
  });

  it("would catch an upward import, a sideways one and a cycle", () => {
    const bad = new Map([
      ["src/config/a.ts", ["src/scenes/b.ts"]],
      ["src/scenes/b.ts", ["src/config/a.ts"]],
      ["src/net/c.ts", ["src/audio/d.ts"]],
      ["src/audio/d.ts", []],
    ]);
    expect(wrongWays(bad)).toEqual([
      "src/config/a.ts → src/scenes/b.ts: up from src/config/ to src/scenes/",
      "src/net/c.ts → src/audio/d.ts: sideways from src/net/ to src/audio/",
    ]);
    expect(cycles(bad)).toEqual(["src/config/a.ts → src/scenes/b.ts → src/config/a.ts"]);
  });
});
