import { randomUUID } from "node:crypto";
import {
  clientSessionVars,
  parseAuthError,
  parseSessionEnded,
  SESSION_CHECK,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { newClient } from "./nakama";
import { ownStack } from "./own-stack";
import {
  deviceLogin,
  getAccountStatus,
  rawRefresh,
  recordedSocket,
  rpcStatus,
  sessionCount,
  within,
} from "./sessions-support";

describe("SESSION_POLICY=deny_new", () => {
  const stack = ownStack({
    name: "single-device-deny-new",
    runtimeEnv: { SESSION_POLICY: "deny_new" },
  });

  const count = (token: string) => sessionCount(stack().port, token);

  it("refuses a second sign-in while a socket is live; takeover then acts as kick_previous", async () => {
    const first = await deviceLogin(stack().port, { vars: clientSessionVars({ client: "web-a" }) });
    const rec = await recordedSocket(first.client, first.session);
    expect((await count(first.session.token)).connected_sessions).toBe(1);

    let refused: unknown;
    try {
      await deviceLogin(stack().port, {
        deviceId: first.deviceId,
        vars: clientSessionVars({ client: "web-b" }),
      });
    } catch (e) {
      refused = { status: (e as Response).status, ...parseAuthError(await (e as Response).json()) };
    }
    expect(refused).toMatchObject({ status: 409, reason: "already_playing", code: 10 });
    // The playing device is untouched.
    expect(rec.closed()).toBe(false);
    expect((await count(first.session.token)).connected_sessions).toBe(1);

    // "Play here instead".
    const second = await deviceLogin(stack().port, {
      deviceId: first.deviceId,
      vars: clientSessionVars({ client: "web-b", takeover: true }),
    });
    await within(2000, rec.closed, "old socket closed after the takeover");
    expect(rec.events.map((e) => e.type)).toEqual(["notification", "close"]);
    expect(parseSessionEnded(rec.events[0] as never)).toMatchObject({
      reason: "signed_in_elsewhere",
      client: "web-b",
    });
    expect((await rpcStatus(stack().port, SESSION_CHECK, first.session.token)).status).toBe(401);
    expect((await rawRefresh(stack().port, first.session.refresh_token)).status).toBe(401);
    expect(await getAccountStatus(stack().port, first.session.token)).toBe(401);
    // The takeover flag never reaches the token.
    expect(second.session.vars).not.toHaveProperty("takeover");
    expect((await count(second.session.token)).connected_sessions).toBe(0);
  });

  it("applies to email sign-in too", async () => {
    const email = `d${randomUUID().slice(0, 8)}@example.com`;
    const client = newClient(stack().port);
    const first = await client.authenticateEmail(
      email,
      "password1",
      true,
      `u_${randomUUID().slice(0, 8)}`,
    );
    const rec = await recordedSocket(client, first);
    const status = await client.authenticateEmail(email, "password1", false).then(
      () => 200,
      async (e: Response) => ({ status: e.status, ...parseAuthError(await e.json()) }),
    );
    expect(status).toMatchObject({ status: 409, reason: "already_playing" });
    const taken = await client.authenticateEmail(
      email,
      "password1",
      false,
      undefined,
      clientSessionVars({ takeover: true }),
    );
    expect(taken.user_id).toBe(first.user_id);
    await within(2000, rec.closed, "old socket closed");
  });

  it("lets a sign-in through when no socket is live, and it ends the older login", async () => {
    const first = await deviceLogin(stack().port);
    const second = await deviceLogin(stack().port, { deviceId: first.deviceId });
    expect((await rpcStatus(stack().port, SESSION_CHECK, second.session.token)).status).toBe(200);
    expect((await rawRefresh(stack().port, first.session.refresh_token)).status).toBe(401);
  });
});
