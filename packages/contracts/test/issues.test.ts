import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { describeIssues } from "../src/issues";
import { sessionCheck } from "../src/rpcs/session-check";

function issuesOf(schema: z.ZodMiniType, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  return describeIssues(r.error);
}

describe("describeIssues names the field and what it needs", () => {
  it("unknown keys", () => {
    expect(issuesOf(sessionCheck.request, { sneaky: 1 })).toBe('unknown field "sneaky"');
  });
  it("wrong type", () => {
    expect(issuesOf(z.object({ score: z.int() }), { score: "9" })).toBe("score: expected number");
  });
  it("too short, too long", () => {
    const s = z.object({ name: z.string().check(z.minLength(3), z.maxLength(5)) });
    expect(issuesOf(s, { name: "ab" })).toBe("name: must be at least 3 characters");
    expect(issuesOf(s, { name: "abcdef" })).toBe("name: must be at most 5 characters");
  });
  it("a non-object payload", () => {
    expect(issuesOf(sessionCheck.request, [1])).toBe("payload: expected object");
  });
});
