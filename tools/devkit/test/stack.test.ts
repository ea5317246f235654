import { describe, expect, it } from "vitest";
import { devPorts } from "../src/dev-stack";
import { testOverlay } from "../src/stack";

describe("test stack config overlays", () => {
  it("set runtime.env from runtimeEnv and keep the rest of the config", () => {
    const overlay = testOverlay({
      config: { session: { token_expiry_sec: 5 }, runtime: { js_read_only_globals: false } },
      runtimeEnv: { SESSION_POLICY: "allow", WEIRD: 'a="b=c"' },
      limits: "defaults",
    });
    expect(overlay).toEqual({
      session: { token_expiry_sec: 5 },
      runtime: { js_read_only_globals: false, env: ["SESSION_POLICY=allow", 'WEIRD=a="b=c"'] },
    });
  });

  it("raise the rate limits unless asked for the defaults; runtimeEnv wins over both", () => {
    const raised = testOverlay({ runtimeEnv: { LIMIT_SIGN_UPS_PER_HOUR: "3" } });
    const env = (raised.runtime as { env: string[] }).env;
    expect(env).toContain("LIMIT_SIGN_INS_PER_MINUTE=1000000");
    expect(env).toContain("LIMIT_READS_PER_MINUTE=1000000");
    expect(env).toContain("LIMIT_SIGN_UPS_PER_HOUR=3");
    expect(env).not.toContain("LIMIT_SIGN_UPS_PER_HOUR=1000000");
    expect(testOverlay({ limits: "defaults" }).runtime).toEqual({ env: [] });
  });
});

describe("the player's ports", () => {
  it("default to 7350, 7351, 5488 and 5173", () => {
    expect(devPorts({})).toEqual({ port: 7350, consolePort: 7351, pgPort: 5488, gamePort: 5173 });
  });

  it("each follow their env var", () => {
    expect(
      devPorts({
        GIFT_GRAB_NAKAMA_PORT: "17350",
        GIFT_GRAB_CONSOLE_PORT: "17351",
        GIFT_GRAB_PG_PORT: "15488",
        GIFT_GRAB_GAME_PORT: "15173",
      }),
    ).toEqual({ port: 17350, consolePort: 17351, pgPort: 15488, gamePort: 15173 });
  });

  it("refuse a value that is not a port, naming the variable", () => {
    for (const bad of ["abc", "70000", "3", "80.5"]) {
      expect(() => devPorts({ GIFT_GRAB_GAME_PORT: bad })).toThrow(/GIFT_GRAB_GAME_PORT/);
    }
  });
});
