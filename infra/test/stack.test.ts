import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { baseRuntimeEnv, toYaml } from "../scripts/lib/stack.mjs";

describe("test stack config overlays", () => {
  it("writes YAML that parses back to the same object", () => {
    const overlay = {
      session: { token_expiry_sec: 5, single_socket: true },
      runtime: { env: ["SESSION_POLICY=allow", 'WEIRD="quoted"'] },
      name: "x",
    };
    expect(parse(toYaml(overlay))).toEqual(overlay);
  });

  it("reads runtime.env from infra/nakama/local.yml", () => {
    expect(baseRuntimeEnv()).toMatchObject({ SESSION_POLICY: "kick_previous" });
  });
});
