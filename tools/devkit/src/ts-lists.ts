// Edits of TypeScript source found through TypeScript's own parser, not regexes: where the
// next import goes, and the array literals (lists) an entry is appended to. An edit is an
// insertion [position, text]; insertAll applies them to the text they were found in.
import ts from "typescript";

export type Insertion = [at: number, text: string];

export const parseSource = (rel: string, text: string) =>
  ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** Applies insertions to a source text, the last first so positions hold. */
export function insertAll(text: string, inserts: Insertion[]) {
  let out = text;
  for (const [at, add] of [...inserts].sort((x, y) => y[0] - x[0])) {
    out = out.slice(0, at) + add + out.slice(at);
  }
  return out;
}

/** Where a new import (or `export … from`) goes: after the last statement of its kind. */
export function afterLast(source: ts.SourceFile, kind: ts.SyntaxKind) {
  const last = source.statements.filter((st) => st.kind === kind).at(-1);
  return last ? last.end : 0;
}

/** The insertion that makes `name` the last element of an array literal. */
export function appendTo(array: ts.ArrayLiteralExpression, name: string): Insertion {
  const last = array.elements.at(-1);
  return last ? [last.end, `,\n  ${name}`] : [array.elements.pos, `\n  ${name},\n`];
}

/** The array literal of `export const <name> = [...]` (or `[...] as const`). */
export function exportedArray(source: ts.SourceFile, name: string) {
  for (const st of source.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      let init = d.initializer;
      if (init && ts.isAsExpression(init)) init = init.expression;
      if (
        ts.isIdentifier(d.name) &&
        d.name.text === name &&
        init &&
        ts.isArrayLiteralExpression(init)
      )
        return init;
    }
  }
  return undefined;
}

/** The array literal passed as argument `index` to the first call of function `callee`. */
export function callArrayArgument(source: ts.SourceFile, callee: string, index: number) {
  let found: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    const arg = ts.isCallExpression(node) ? node.arguments[index] : undefined;
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === callee &&
      arg &&
      ts.isArrayLiteralExpression(arg)
    ) {
      found ??= arg;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
