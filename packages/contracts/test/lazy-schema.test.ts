import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ReplayRecord, SessionPolicy } from "../src";
import { lazySchema } from "../src/lazy-schema";

describe("lazySchema", () => {
  it("builds the schema on its first use, once", () => {
    let builds = 0;
    const Point = lazySchema(() => {
      builds += 1;
      return z.object({ x: z.int(), y: z.int() });
    });
    expect(builds).toBe(0);
    expect(Point.parse({ x: 1, y: 2, z: 3 })).toEqual({ x: 1, y: 2 });
    expect(Point.safeParse({ x: "1", y: 2 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it("nests in other schemas and refuses as the schema itself does", () => {
    const Inner = lazySchema(() => z.object({ n: z.int().check(z.nonnegative()) }));
    const Outer = z.object({ inner: Inner, list: z.array(Inner), maybe: z.optional(Inner) });
    expect(Outer.parse({ inner: { n: 1 }, list: [{ n: 2 }] })).toEqual({
      inner: { n: 1 },
      list: [{ n: 2 }],
    });
    const refused = Outer.safeParse({ inner: { n: -1 }, list: [] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["inner", "n"]);
  });

  it("answers as the schema for the contracts' own: records parse, enums list their options", () => {
    expect(SessionPolicy.options).toEqual(["kick_previous", "deny_new", "allow"]);
    expect(ReplayRecord.safeParse({ seed: -1 }).success).toBe(false);
    expect("_zod" in ReplayRecord).toBe(true);
  });
});
