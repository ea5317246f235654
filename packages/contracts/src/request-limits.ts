/**
 * What a request may cost before the server reads it: every RPC contract declares these
 * (defineRpc requires them), and the server refuses a payload over them before JSON.parse
 * (apps/server/src/runtime/handle-rpc.ts). JSON.parse and every walk after it cost time in
 * proportion to the text's length and nesting, so both are bounded by what the contract's
 * largest honest request needs.
 */
export interface RequestLimits {
  /**
   * The payload's length in UTF-16 code units, what JSON.parse walks. Every request of ours is
   * ASCII JSON, where this is its size in bytes; for any text it is at most its UTF-8 bytes.
   */
  readonly maxChars: number;
  /** How deep arrays and objects may nest: `{}` is 1, `{"a":[[1]]}` is 3. */
  readonly maxDepth: number;
}

/**
 * A request of a few scalar fields or none (`{}`, `{"orientation":"portrait"}`, a UUID): far
 * over what any of them needs, far under what costs anything to refuse.
 */
export const SMALL_REQUEST: RequestLimits = { maxChars: 512, maxDepth: 1 };

/**
 * A JSON text whose arrays and objects nest at most `depth` deep: a string is one atom (so
 * brackets inside strings don't count), and each level is a bracketed sequence of the level
 * below. One regular expression, which goja hands to Go's regexp engine (linear time, no
 * backtracking): on a 19.5 KB payload of input runs 0.5 ms, where a JavaScript loop over the
 * characters takes 18 ms in goja; 2 ms for 83 KB at depth 32. A text nested too deep, or with
 * a bracket left open or closed too often, does not match, and the match fails as soon as
 * the nesting passes `depth`. Which bracket closes which is JSON.parse's to check (one
 * pattern per level: pairing them would double the pattern at each level).
 *
 * Keep every part of it something Go's engine takes: for one it doesn't (`[\s\S]` was one),
 * goja runs the whole pattern on regexp2, a backtracking engine, which took 5 times as long
 * and found no match at all in valid payloads over ~20 KB. An escape is `\\.`: a backslash
 * before a line break is no JSON anyway.
 */
function nestingSource(depth: number): string {
  const atom = '[^\\[\\]{}"]|"(?:[^"\\\\]|\\\\.)*"';
  if (depth === 0) return `(?:${atom})*`;
  return `(?:${atom}|[\\[{]${nestingSource(depth - 1)}[\\]}])*`;
}

const nestingPatterns = new Map<number, RegExp>();

/** `text` nests arrays and objects at most `depth` deep (see nestingSource); not parsed. */
export function nestedAtMost(text: string, depth: number): boolean {
  let pattern = nestingPatterns.get(depth);
  if (!pattern) {
    pattern = new RegExp(`^${nestingSource(depth)}$`);
    nestingPatterns.set(depth, pattern);
  }
  return pattern.test(text);
}

/**
 * Why `payload` is over `limits`, naming the limit, or null when it is within them. Cheap
 * before expensive: the length is read first (constant time), the nesting second (one
 * linear pass of a regular expression); the text is never parsed here.
 */
export function requestLimitIssue(payload: string, limits: RequestLimits): string | null {
  if (payload.length > limits.maxChars) {
    return `payload: longer than ${limits.maxChars} characters`;
  }
  if (!nestedAtMost(payload, limits.maxDepth)) {
    return `payload: nested deeper than ${limits.maxDepth} levels, or not JSON`;
  }
  return null;
}
