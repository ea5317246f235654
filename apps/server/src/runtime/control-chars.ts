import { rpcError } from "./errors";

/** C0 controls (U+0000–U+001F) and DEL: never part of a name, id, email or password. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The path of the first string (value or object key) that holds a control character,
 * e.g. "account.vars.client", or undefined. A NUL reaches Postgres as an invalid text
 * value (a 500); the others end up in names, logs and tokens. Iterative, so deeply nested
 * input costs no call stack.
 */
export function controlCharacterField(value: unknown): string | undefined {
  // Each visited value with where it sits (its parent's entry and its key): the path is
  // only spelled out for the one at fault, so deep nesting costs no string building.
  const seen: { parent: number; key: string }[] = [];
  const todo: [unknown, number][] = [[value, -1]];
  const pathOf = (at: number, last?: string) => {
    const keys = last === undefined ? [] : [last];
    for (let i = at; i >= 0; i = (seen[i] as { parent: number }).parent) {
      keys.unshift((seen[i] as { key: string }).key);
    }
    return keys.join(".") || "payload";
  };
  while (todo.length > 0) {
    const [item, at] = todo.pop() as [unknown, number];
    if (typeof item === "string") {
      if (CONTROL.test(item)) return pathOf(at);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) {
        seen.push({ parent: at, key: String(i) });
        todo.push([item[i], seen.length - 1]);
      }
    } else if (typeof item === "object" && item !== null) {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        if (CONTROL.test(key)) return pathOf(at, JSON.stringify(key));
        seen.push({ parent: at, key });
        todo.push([(item as Record<string, unknown>)[key], seen.length - 1]);
      }
    }
  }
  return undefined;
}

/** Throws invalid_payload (HTTP 400) naming the field, if any string in `value` has a control character. */
export function assertNoControlCharacters(where: string, value: unknown): void {
  const field = controlCharacterField(value);
  if (field !== undefined) {
    throw rpcError("invalid_payload", `${where}: ${field}: control characters are not allowed`);
  }
}
