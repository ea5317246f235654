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
 * below. One regular expression, run by goja's Go regexp engine (linear time, no
 * backtracking): a JavaScript loop over the characters costs about 8 times as much in goja
 * (measured on a 19.5 KB round_submit: 18 ms against 2.3 ms on a busy machine). A text
 * nested too deep, or whose brackets don't pair (never valid JSON), does not match, and the
 * match fails as soon as the nesting passes `depth`.
 */
function nestedAtMost(depth: number): string {
  const atom = '[^\\[\\]{}"]|"(?:[^"\\\\]|\\\\[\\s\\S])*"';
  if (depth === 0) return `(?:${atom})*`;
  const inner = nestedAtMost(depth - 1);
  return `(?:${atom}|\\[${inner}\\]|\\{${inner}\\})*`;
}

const nestingPatterns = new Map<number, RegExp>();
function nestingPattern(depth: number): RegExp {
  let pattern = nestingPatterns.get(depth);
  if (!pattern) {
    pattern = new RegExp(`^${nestedAtMost(depth)}$`);
    nestingPatterns.set(depth, pattern);
  }
  return pattern;
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
  if (!nestingPattern(limits.maxDepth).test(payload)) {
    return `payload: nested deeper than ${limits.maxDepth} levels, or not JSON`;
  }
  return null;
}
