import { InputRuns } from "@gift-grab/simulation";
import { describe, expect, it, vi } from "vitest";
import { type RequestLimits, requestLimitIssue, SMALL_REQUEST } from "../src/request-limits";
import { allRpcs } from "../src/rpcs";

/** How deep a JSON value nests, by walking it: what the pattern must agree with. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === "object" && value !== null)
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

const limits = (maxDepth: number): RequestLimits => ({ maxChars: 1_000_000, maxDepth });
/** The largest request Nakama lets in (64 KiB), three levels deep. */
const LARGE: RequestLimits = { maxChars: 65_536, maxDepth: 3 };

type Def = {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
};

/**
 * How deep a request the schema accepts nests, read from zod/mini's definitions. A custom
 * schema has no definition to read: the only one, InputRuns, is `[[ticks, dx, dy], …]`.
 */
function schemaDepth(schema: unknown): number {
  if (schema === InputRuns) return 2;
  const def = (schema as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "object":
      return 1 + Math.max(0, ...Object.values(def.shape ?? {}).map(schemaDepth));
    case "array":
      return 1 + schemaDepth(def.element);
    case "optional":
    case "nullable":
      return schemaDepth(def.innerType);
    case "custom":
      throw new Error("a custom schema: add its depth to schemaDepth");
    default:
      return 0;
  }
}

describe("requestLimitIssue", () => {
  it("passes what fits, at exactly the limits", () => {
    expect(requestLimitIssue("", SMALL_REQUEST)).toBeNull();
    expect(requestLimitIssue("{}", SMALL_REQUEST)).toBeNull();
    expect(requestLimitIssue('{"orientation":"portrait"}', SMALL_REQUEST)).toBeNull();
    expect(requestLimitIssue("x".repeat(512), SMALL_REQUEST)).toBeNull();
    expect(requestLimitIssue('{"a":[[1]]}', limits(3))).toBeNull();
  });

  it("names the length before anything else, without reading the text", () => {
    expect(requestLimitIssue("{".repeat(513), SMALL_REQUEST)).toBe(
      "payload: longer than 512 characters",
    );
    const test = vi.spyOn(RegExp.prototype, "test");
    const parse = vi.spyOn(JSON, "parse");
    try {
      requestLimitIssue("[".repeat(300_000), LARGE);
      expect(test).not.toHaveBeenCalled();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      test.mockRestore();
      parse.mockRestore();
    }
  });

  it("refuses nesting one level past the limit, and never parses", () => {
    const parse = vi.spyOn(JSON, "parse");
    try {
      expect(requestLimitIssue('{"a":[[[1]]]}', limits(3))).toBe(
        "payload: nested deeper than 3 levels, or not JSON",
      );
      // The issue's attack, cut to the length Nakama lets in.
      const levels = LARGE.maxChars / 2;
      const deep = `${"[".repeat(levels)}${"]".repeat(levels)}`;
      expect(requestLimitIssue(deep, LARGE)).toContain("nested deeper than 3");
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it("doesn't count brackets inside strings, escaped quotes included", () => {
    const text = JSON.stringify({ a: '[[[{{{"\\"]]', b: ["\\", '"'] });
    expect(requestLimitIssue(text, limits(2))).toBeNull();
    expect(requestLimitIssue(text, limits(1))).not.toBeNull();
  });

  it("refuses a bracket left open or closed too often; pairing is JSON.parse's", () => {
    for (const text of ["[[]", "]", "[]]", '{"a":"}', '{"a":[}']) {
      expect(requestLimitIssue(text, limits(5)), text).not.toBeNull();
    }
    expect(requestLimitIssue("[}", limits(5))).toBeNull();
  });

  it("agrees with a walk of the parsed value, for random JSON", () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const strings = ["", "[", "]}", '"', "\\", "a{b", "é\u0000"];
    const value = (depth: number): unknown => {
      const kind = rand(depth > 0 ? 6 : 4);
      if (kind === 0) return rand(1000) - 500;
      if (kind === 1) return strings[rand(strings.length)];
      if (kind === 2) return rand(2) === 0 ? null : true;
      if (kind === 3) return 1.5e-7;
      const items = Array.from({ length: rand(4) }, () => value(depth - 1));
      if (kind === 4) return items;
      return Object.fromEntries(items.map((v, i) => [strings[i % strings.length] ?? "", v]));
    };
    for (let i = 0; i < 2000; i++) {
      const v = value(rand(7));
      const text = JSON.stringify(v, null, rand(2) === 0 ? undefined : 1);
      const max = rand(8);
      expect(requestLimitIssue(text, limits(max)) === null, text).toBe(depthOf(v) <= max);
    }
  });
});

describe("each contract's limits", () => {
  it("allow exactly the nesting each request schema accepts", () => {
    for (const rpc of allRpcs) {
      expect(rpc.limits.maxDepth, rpc.id).toBe(Math.max(1, schemaDepth(rpc.request)));
    }
  });

  it("are declared by every RPC, and none reads more than Nakama lets in (64 KiB)", () => {
    for (const rpc of allRpcs) {
      expect(rpc.limits.maxChars, rpc.id).toBeGreaterThan(0);
      expect(rpc.limits.maxChars, rpc.id).toBeLessThanOrEqual(65_536);
      expect(rpc.limits.maxDepth, rpc.id).toBeGreaterThanOrEqual(1);
    }
  });
});
