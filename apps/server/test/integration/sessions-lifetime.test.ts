import { parseAuthError } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { ownStack } from "./own-stack";
import { deviceLogin, rawRefresh } from "./sessions-support";

const MAX_LOGIN_SEC = 4;

// Plain Nakama refreshes a login forever. MAX_LOGIN_DAYS bounds it (here 4 s, as days).
describe("absolute login lifetime (MAX_LOGIN_DAYS)", () => {
  const stack = ownStack({
    name: "sessions-lifetime",
    runtimeEnv: { MAX_LOGIN_DAYS: String(MAX_LOGIN_SEC / 86_400) },
  });

  it("refreshes within the lifetime, then refuses with login_expired", async () => {
    const { session } = await deviceLogin(stack().port);
    const signedInAt = Date.now();
    const first = await rawRefresh(stack().port, session.refresh_token);
    expect(first.status).toBe(200);
    // Wait out the lifetime (whole seconds on the server's clock, plus one for rounding).
    const until = signedInAt + (MAX_LOGIN_SEC + 1) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
    const late = await rawRefresh(stack().port, first.json?.refresh_token ?? "");
    expect(late.status).toBe(401);
    expect(parseAuthError(late.json).reason).toBe("login_expired");
  });
});
