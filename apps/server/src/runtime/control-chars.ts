import { rpcError } from "./errors";

/** C0 controls (U+0000–U+001F) and DEL: never part of a name, id, email or password. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
/** In JSON text: a control character, or a backslash (an escape may spell one). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_OR_ESCAPE = /[\u0000-\u001f\u007f\\]/;

/**
 * The path of the first string (value or object key) that holds a control character,
 * e.g. "account.vars.client", or undefined. A NUL reaches Postgres as an invalid text
 * value (a 500); the others end up in names, logs and tokens. Iterative, so deeply nested
 * input costs no call stack.
 *
 * Every RPC payload passes here, and a payload may be tens of KB of nested arrays, so
 * it is written for goja: numbers and other scalars are never visited, each visited value
 * keeps only its parent's entry and its key (the path is spelled out only for the one at
 * fault), and the loop has no closure, destructuring or per-value object (goja allocates
 * and interprets each; the first version took ~11 ms per 30 s round's payload).
 */
export function controlCharacterField(value: unknown): string | undefined {
  // Entry i of parents/keys: a value found inside entry parents[i] under keys[i].
  const parents: number[] = [];
  const keys: (string | number)[] = [];
  const todo: unknown[] = [value];
  const todoEntry: number[] = [-1];
  while (todo.length > 0) {
    const item = todo.pop();
    const entry = todoEntry.pop() as number;
    if (typeof item === "string") {
      if (CONTROL.test(item)) return pathOf(parents, keys, entry);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) {
        const child: unknown = item[i];
        if (typeof child !== "string" && (typeof child !== "object" || child === null)) continue;
        parents.push(entry);
        keys.push(i);
        todo.push(child);
        todoEntry.push(parents.length - 1);
      }
    } else if (typeof item === "object" && item !== null) {
      const names = Object.keys(item);
      for (let i = names.length - 1; i >= 0; i--) {
        const name = names[i] as string;
        if (CONTROL.test(name)) return pathOf(parents, keys, entry, JSON.stringify(name));
        const child: unknown = (item as Record<string, unknown>)[name];
        if (typeof child !== "string" && (typeof child !== "object" || child === null)) continue;
        parents.push(entry);
        keys.push(name);
        todo.push(child);
        todoEntry.push(parents.length - 1);
      }
    }
  }
  return undefined;
}

/** "a.0.b" for entry `at` (and then `last`), "payload" for the payload itself. */
function pathOf(
  parents: readonly number[],
  keys: readonly (string | number)[],
  at: number,
  last?: string,
): string {
  const path = last === undefined ? [] : [last];
  for (let i = at; i >= 0; i = parents[i] as number) path.unshift(String(keys[i]));
  return path.join(".") || "payload";
}

/** Throws invalid_payload (HTTP 400) naming the field, if any string in `value` has a control character. */
export function assertNoControlCharacters(where: string, value: unknown): void {
  const field = controlCharacterField(value);
  if (field !== undefined) {
    throw rpcError("invalid_payload", `${where}: ${field}: control characters are not allowed`);
  }
}

/**
 * assertNoControlCharacters for `value`, parsed from the JSON text `json`. A string parsed
 * from JSON holds a control character only if the text has it raw or escaped (`\u0000`,
 * `\n`, …), so text with neither needs no walk: what a client like nakama-js sends (one
 * native regex scan instead of a walk through a large payload's values in goja).
 */
export function assertNoControlCharactersInJson(where: string, json: string, value: unknown) {
  if (CONTROL_OR_ESCAPE.test(json)) assertNoControlCharacters(where, value);
}
