import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every scene waits through `whileRunning(this, …)` (src/core/while-running.ts), so a result
 * that arrives after the scene shut down never reaches it. This reads every scene source and
 * refuses an `await`, `.then`, `.catch` or `.finally` on anything else.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");
const SETTLERS = new Set(["then", "catch", "finally"]);

function isWhileRunning(node: ts.Expression): boolean {
  let e = node;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return (
    ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "whileRunning"
  );
}

/** `whileRunning(…).then(…).catch(…)` counts as one guarded chain. */
function chainRoot(node: ts.Expression): ts.Expression {
  let e = node;
  while (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    SETTLERS.has(e.expression.name.text)
  ) {
    e = e.expression.expression;
  }
  return e;
}

export function unguardedWaits(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${fileName}:${line + 1} ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isAwaitExpression(node) && !isWhileRunning(chainRoot(node.expression))) {
      report(node, "await without whileRunning");
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SETTLERS.has(node.expression.name.text) &&
      !isWhileRunning(chainRoot(node.expression.expression))
    ) {
      report(node, `.${node.expression.name.text} without whileRunning`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The scenes, their base class and the round scene's views. */
function sceneSources(): string[] {
  const files = ["scenes", "views/round"].flatMap((folder) => {
    const dir = path.join(src, folder);
    return fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(dir, f));
  });
  return [...files, path.join(src, "views/ui-scene.ts")];
}

describe("scenes wait only while they run", () => {
  it("finds every unguarded wait in a scene's source", () => {
    const bad = `
      class S {
        async a() { const s = await getNet().stats(); }
        b() { net.stats().then((s) => this.show(s)); }
        c() { void whileRunning(this, net.stats()).then(() => {}).catch(() => {}); }
        async d() { await whileRunning(this, getNet().playHere()); }
        e() { net.signOut().catch(() => {}).finally(() => this.leave()); }
      }`;
    expect(unguardedWaits("bad.ts", bad)).toEqual([
      "bad.ts:3 await without whileRunning",
      "bad.ts:4 .then without whileRunning",
      "bad.ts:7 .finally without whileRunning",
      "bad.ts:7 .catch without whileRunning",
    ]);
  });

  it("holds every scene to whileRunning", () => {
    const files = sceneSources();
    expect(files.length).toBeGreaterThanOrEqual(9);
    const found = files.flatMap((f) =>
      unguardedWaits(path.relative(src, f), fs.readFileSync(f, "utf8")),
    );
    expect(found).toEqual([]);
  });
});
