// new:rpc's pieces, without writing anything: the list edits (ts-lists.ts) and the names (rpc-names.ts).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { rpcNames } from "../src/rpc-names";
import {
  afterLast,
  appendTo,
  callArrayArgument,
  exportedArray,
  insertAll,
  parseSource,
} from "../src/ts-lists";

describe("ts-lists: edits found through TypeScript's parser", () => {
  const text = [
    'import { a } from "./a";',
    'import { b } from "./b";',
    'export * from "./a";',
    "export const all = [a, b] as const;",
    "export const none = [];",
    "const registry = make(all, [aHandler]);",
    "",
  ].join("\n");
  const source = parseSource("x.ts", text);

  it("appends to an exported list, after the last import and export", () => {
    const all = exportedArray(source, "all");
    if (!all) throw new Error("no list");
    const out = insertAll(text, [
      [afterLast(source, ts.SyntaxKind.ImportDeclaration), '\nimport { c } from "./c";'],
      [afterLast(source, ts.SyntaxKind.ExportDeclaration), '\nexport * from "./c";'],
      appendTo(all, "c"),
    ]);
    expect(out).toContain(
      'import { b } from "./b";\nimport { c } from "./c";\nexport * from "./a";',
    );
    expect(out).toContain('export * from "./a";\nexport * from "./c";\n');
    expect(out).toContain("export const all = [a, b,\n  c] as const;");
  });

  it("appends to an empty list, and to a call's array argument", () => {
    const none = exportedArray(source, "none");
    if (!none) throw new Error("no list");
    expect(insertAll(text, [appendTo(none, "c")])).toContain("export const none = [\n  c,\n];");
    const handlers = callArrayArgument(source, "make", 1);
    if (!handlers) throw new Error("no call");
    expect(insertAll(text, [appendTo(handlers, "cHandler")])).toContain(
      "make(all, [aHandler,\n  cHandler]);",
    );
  });

  it("finds nothing where there is no such list", () => {
    expect(exportedArray(source, "registry")).toBeUndefined();
    expect(exportedArray(source, "missing")).toBeUndefined();
    expect(callArrayArgument(source, "make", 0)).toBeUndefined();
    expect(callArrayArgument(source, "other", 1)).toBeUndefined();
  });
});

describe("rpcNames", () => {
  it("derives every name from <domain>/<snake_name>", () => {
    expect(rpcNames("rounds/claim_daily_reward")).toEqual({
      id: "claim_daily_reward",
      domain: "rounds",
      constant: "CLAIM_DAILY_REWARD",
      camel: "claimDailyReward",
      handler: "claimDailyRewardHandler",
      call: "callClaimDailyReward",
      kebab: "claim-daily-reward",
    });
  });

  it.each([
    ["claim_reward", "names no domain"],
    ["rounds/claim_reward/x", "names no domain"],
    ["runtime/claim_reward", "runtime/ holds"],
    ["rounds/claimReward", "not a snake_case RPC id"],
    ["rounds/new", "reserved word"],
    [`rounds/${"a".repeat(65)}`, "longer than 64"],
  ])("refuses %s", (spec, message) => {
    expect(() => rpcNames(spec)).toThrow(message);
  });
});
