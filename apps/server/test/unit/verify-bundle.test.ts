import { describe, expect, it } from "vitest";
import { verifyBundle } from "../../scripts/verify-bundle.mjs";

const handlers = `
function rpcA(ctx, logger, nk, payload) { return "a"; }
function rpcB(ctx, logger, nk, payload) { return "b"; }
`;

function bundle(initBody: string, extra = "") {
  return `${handlers}${extra}\nfunction InitModule(ctx, logger, nk, initializer) {\n${initBody}\n}\n`;
}

describe("Nakama's AST rules, checked on every build", () => {
  it("accepts literal ids and top-level constant ids with top-level handlers", () => {
    const src = bundle(
      `initializer.registerRpc("a", rpcA);\ntry { initializer.registerRpc(B_ID, rpcB); } catch (e) {}`,
      'var B_ID = "b";',
    );
    expect(verifyBundle(src).rpcs).toEqual([
      { id: "a", handler: "rpcA" },
      { id: "b", handler: "rpcB" },
    ]);
  });

  it("refuses a member-expression id, which Nakama silently maps to the first handler", () => {
    const src = bundle("initializer.registerRpc(Rpc.b, rpcB);", 'var Rpc = { b: "b" };');
    expect(() => verifyBundle(src)).toThrow(/string literal or a top-level string constant/);
  });

  it("refuses an inline handler", () => {
    expect(() => verifyBundle(bundle('initializer.registerRpc("a", function () {});'))).toThrow(
      /identifier naming a top-level function/,
    );
  });

  it("refuses a registration that is not a direct statement of InitModule", () => {
    expect(() => verifyBundle(bundle('if (true) { initializer.registerRpc("a", rpcA); }'))).toThrow(
      /direct statement/,
    );
  });

  it("refuses a module with import/export or without InitModule", () => {
    expect(() => verifyBundle(`export ${handlers}`)).toThrow(/plain script/);
    expect(() => verifyBundle(handlers)).toThrow(/no top-level/);
  });

  it("refuses a chained call statement, which panics Nakama's parser", () => {
    expect(() => verifyBundle(bundle('a.b.c();\ninitializer.registerRpc("a", rpcA);'))).toThrow(
      /plain identifier/,
    );
  });

  it("refuses the same id twice", () => {
    const src = bundle('initializer.registerRpc("a", rpcA);\ninitializer.registerRpc("a", rpcB);');
    expect(() => verifyBundle(src)).toThrow(/registered twice/);
  });
});
