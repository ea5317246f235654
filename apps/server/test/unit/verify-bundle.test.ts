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

  describe("registerMatch", () => {
    // Written out, not imported from verify-bundle.mjs: the test states Nakama's names itself.
    const callbacks = [
      "matchInit",
      "matchJoinAttempt",
      "matchJoin",
      "matchLeave",
      "matchLoop",
      "matchTerminate",
      "matchSignal",
    ];
    const fns = callbacks.map((c) => `function m_${c}() {}`).join("\n");
    const object = (entries: string[]) => `{ ${entries.join(", ")} }`;
    const plain = callbacks.map((c) => `${c}: m_${c}`);

    it("accepts a literal name and an object literal of top-level functions", () => {
      const src = bundle(`initializer.registerMatch("live", ${object(plain)});`, fns);
      expect(verifyBundle(src).matches).toEqual([
        { name: "live", callbacks: Object.fromEntries(callbacks.map((c) => [c, `m_${c}`])) },
      ]);
    });

    it.each([
      [
        "a name that is not a literal",
        `initializer.registerMatch(NAME, ${object(plain)});`,
        /string literal/,
      ],
      [
        "a handler that is not an object literal",
        'initializer.registerMatch("live", handler);',
        /object literal/,
      ],
      [
        "a quoted key (Nakama compares the key's source text)",
        `initializer.registerMatch("live", ${object([`"matchInit": m_matchInit`, ...plain.slice(1)])});`,
        /plain identifier/,
      ],
      [
        "an inline callback",
        `initializer.registerMatch("live", ${object(["matchInit: function () {}", ...plain.slice(1)])});`,
        /top-level function/,
      ],
      [
        "a missing callback",
        `initializer.registerMatch("live", ${object(plain.slice(0, 6))});`,
        /no matchSignal/,
      ],
      [
        "the same name twice",
        `initializer.registerMatch("live", ${object(plain)});\ninitializer.registerMatch("live", ${object(plain)});`,
        /registered twice/,
      ],
    ])("refuses %s", (_what, body, error) => {
      expect(() => verifyBundle(bundle(body, fns))).toThrow(error);
    });
  });
});
