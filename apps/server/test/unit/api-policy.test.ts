import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hooks, rtBefore } from "../../src/main";

// docs/security.md "Every client API": each API a client can reach has a written policy.
// Nakama's own list is its runtime types (nakama-common's index.d.ts, linked by setup): a
// Nakama upgrade that adds an API fails here until the API is given a policy.
const types = fs.readFileSync(
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../generated/nakama-runtime/index.d.ts",
  ),
  "utf8",
);

describe("a policy for every client API", () => {
  it("every HTTP API with a before hook has one registered (used, limited or closed)", () => {
    const apis = [...new Set(types.match(/registerBefore\w+/g))];
    expect(apis.length).toBeGreaterThan(70);
    expect(apis.filter((m) => !(m in hooks))).toEqual([]);
  });

  it("the realtime messages left without a hook are exactly the ones the policy keeps open", () => {
    const union = types.match(/type RtHookMessage = ([^\n]+)/)?.[1] ?? "";
    const messages = [...union.matchAll(/'(\w+)'/g)].map((m) => String(m[1]));
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !(m in rtBefore)).sort()).toEqual(
      [
        "ChannelLeave",
        "MatchDataSend",
        "MatchLeave",
        "MatchmakerRemove",
        "Pong",
        "StatusUnfollow",
      ].sort(),
    );
  });
});
