import fs from "node:fs";
import {
  parseSessionEnded,
  SESSION_CHECK,
  SESSION_LOGOUT,
  SESSION_LOGOUT_ALL,
  sessionLogoutAll,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ownStack } from "./own-stack";
import {
  deviceLogin,
  rawRefresh,
  recordedSocket,
  rpcStatus,
  sessionCount,
  socketUpgrade,
  within,
} from "./sessions-support";

describe("SESSION_POLICY=allow (with session.single_session and single_socket off)", () => {
  const stack = ownStack({
    name: "single-device-allow",
    config: { session: { single_session: false, single_socket: false } },
    runtimeEnv: { SESSION_POLICY: "allow" },
  });

  const count = (token: string) => sessionCount(stack().port, token);

  it("keeps several devices signed in; session_check only informs", async () => {
    const a = await deviceLogin(stack().port);
    const b = await deviceLogin(stack().port, { deviceId: a.deviceId });
    const recA = await recordedSocket(a.client, a.session);
    const recB = await recordedSocket(b.client, b.session);
    expect(await count(a.session.token)).toEqual({
      already_connected: true,
      connected_sessions: 2,
    });
    expect((await rawRefresh(stack().port, a.session.refresh_token)).status).toBe(200);
    expect(recA.closed() || recB.closed()).toBe(false);

    // Sign out everywhere: both sockets told, then closed; both logins dead.
    const res = await b.client.rpc(b.session, SESSION_LOGOUT_ALL, {});
    expect(sessionLogoutAll.response.parse(res.payload)).toEqual({
      logins_revoked: 2,
      sockets_closed: 2,
    });
    for (const rec of [recA, recB]) {
      await within(2000, rec.closed, "socket closed");
      expect(rec.events.map((e) => e.type)).toEqual(["notification", "close"]);
      expect(parseSessionEnded(rec.events[0] as never)?.reason).toBe("signed_out_everywhere");
    }
    expect((await rpcStatus(stack().port, SESSION_CHECK, b.session.token)).status).toBe(401);
    expect((await rawRefresh(stack().port, b.session.refresh_token)).status).toBe(401);
  });

  it("session_logout over a socket ends that login and closes that socket only", async () => {
    const a = await deviceLogin(stack().port);
    const b = await deviceLogin(stack().port, { deviceId: a.deviceId });
    const recA = await recordedSocket(a.client, a.session);
    const recB = await recordedSocket(b.client, b.session);
    void recA.socket.rpc(SESSION_LOGOUT, "{}").catch(() => undefined);
    // A socket closed from inside its own RPC: Nakama sends the close frame at once but waits
    // for the client's ack on the blocked read loop (~2 s) before the TCP close ws reports.
    await within(3000, recA.closed, "a's socket closed");
    expect((await rpcStatus(stack().port, SESSION_CHECK, a.session.token)).status).toBe(401);
    expect((await rawRefresh(stack().port, a.session.refresh_token)).status).toBe(401);
    expect(recB.closed()).toBe(false);
    expect((await count(b.session.token)).connected_sessions).toBe(1);
    recB.socket.disconnect(false);
  });

  it("a logged-out token that still opens a socket (Nakama 3.40, #2506) is refused and closed at its first RPC", async () => {
    const a = await deviceLogin(stack().port);
    await deviceLogin(stack().port, { deviceId: a.deviceId });
    await rpcStatus(stack().port, SESSION_LOGOUT, a.session.token);
    // Tripwire: when Nakama checks logged-out tokens by id at upgrade, this turns 401 and
    // docs/security.md's gap section can go.
    expect(await socketUpgrade(stack().port, a.session.token)).toBe("open");
    const zombie = await recordedSocket(a.client, a.session, { refused: true });
    let answered = false;
    zombie.socket.rpc(SESSION_CHECK, "{}").then(
      () => {
        answered = true;
      },
      () => undefined,
    );
    await within(3000, zombie.closed, "zombie socket closed (from inside its own RPC: ~2 s)");
    expect(answered).toBe(false);
  });

  it("a revoked token's socket is closed at its next heartbeat, a live one's is not", async () => {
    const a = await deviceLogin(stack().port);
    const b = await deviceLogin(stack().port, { deviceId: a.deviceId });
    await rpcStatus(stack().port, SESSION_LOGOUT, a.session.token);
    const ping = (token: string) =>
      new Promise<{ pong: boolean; closed: boolean }>((resolve, reject) => {
        const ws = new WebSocket(
          `ws://127.0.0.1:${stack().port}/ws?lang=en&status=true&token=${encodeURIComponent(token)}`,
        );
        const seen = { pong: false, closed: false };
        ws.on("open", () => ws.send(JSON.stringify({ cid: "1", ping: {} })));
        ws.on("message", (data) => {
          if (JSON.parse(String(data)).pong) {
            seen.pong = true;
            ws.close();
          }
        });
        ws.on("close", () => resolve({ ...seen, closed: true }));
        ws.on("error", reject);
        setTimeout(() => reject(new Error("no pong and no close within 5 s")), 5000);
      });
    expect(await ping(a.session.token)).toEqual({ pong: false, closed: true });
    expect(await ping(b.session.token)).toEqual({ pong: true, closed: true });
  });

  it("logs no policy warning when SESSION_POLICY and single_session agree", () => {
    expect(fs.readFileSync(stack().logFile, "utf8")).toContain("sessions: policy allow");
    expect(fs.readFileSync(stack().logFile, "utf8")).not.toContain("needs session.single_");
  });
});

describe("SESSION_POLICY=allow with single_session left on", () => {
  const stack = ownStack({
    name: "single-device-mismatch",
    runtimeEnv: { SESSION_POLICY: "allow" },
  });

  it("logs a warning at start", () => {
    expect(fs.readFileSync(stack().logFile, "utf8")).toContain(
      "SESSION_POLICY=allow needs session.single_session: false",
    );
  });
});
