import {
  allRpcs,
  callerOf,
  parseRpcError,
  SESSION_CHECK,
  sessionCheck,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { guest, openSocket, rawRpc, server } from "./nakama";

describe("session_check on the real server", () => {
  it("device auth gives a session with the user's id", async () => {
    const { session } = await guest();
    expect(session.user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.token.split(".")).toHaveLength(3);
  });

  it("counts 0 sockets over HTTP when none is open", async () => {
    const { client, session } = await guest();
    const res = await client.rpc(session, SESSION_CHECK, {});
    expect(sessionCheck.response.parse(res.payload)).toEqual({
      already_connected: false,
      connected_sessions: 0,
    });
  });

  it("counts 1 open socket; over that socket it is the caller's own", async () => {
    const { client, session } = await guest();
    const socket = await openSocket(client, session);
    try {
      const http = await client.rpc(session, SESSION_CHECK, {});
      expect(sessionCheck.response.parse(http.payload)).toEqual({
        already_connected: true,
        connected_sessions: 1,
      });
      const viaSocket = await socket.rpc(SESSION_CHECK, "{}");
      expect(sessionCheck.response.parse(JSON.parse(viaSocket.payload ?? ""))).toEqual({
        already_connected: false,
        connected_sessions: 1,
      });
    } finally {
      socket.disconnect(false);
    }
  });

  it("refuses an unknown field with 400 naming the field, under frozen globals", async () => {
    const { session } = await guest();
    const res = await rawRpc(SESSION_CHECK, JSON.stringify({ sneaky: 1 }), session);
    expect(res.status).toBe(400);
    const err = parseRpcError(res.json);
    expect(err).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(err.detail).toContain("sneaky");
  });

  it.each([
    ["an array", "[1,2]"],
    ["a number", "42"],
    ["a string", '"hello"'],
    ["null", "null"],
    ["malformed JSON", "{nope"],
  ])("refuses %s as payload with 400", async (_name, body) => {
    const { session } = await guest();
    const res = await rawRpc(SESSION_CHECK, body, session);
    expect(res.status).toBe(400);
    expect(parseRpcError(res.json)).toMatchObject({ reason: "invalid_payload", code: 3 });
  });

  it("keeps answering after a burst of bad input (no VM left broken)", async () => {
    const { client, session } = await guest();
    await Promise.all(Array.from({ length: 40 }, () => rawRpc(SESSION_CHECK, '{"x":1}', session)));
    const res = await client.rpc(session, SESSION_CHECK, {});
    expect(sessionCheck.response.parse(res.payload).connected_sessions).toBe(0);
  });

  it("refuses a server-to-server call without a user with 401", async () => {
    const res = await rawRpc(SESSION_CHECK, "{}", { httpKey: "dev-only-http-key" });
    expect(res.status).toBe(401);
    expect(parseRpcError(res.json).reason).toBe("unauthenticated");
  });

  it("routes every registered RPC id to its own handler", async () => {
    const { session } = await guest();
    for (const rpc of allRpcs) {
      // Each handler names its own id when it refuses input: a mis-registered id would
      // answer with the first handler's name. A server RPC is asked with the runtime HTTP key.
      const caller = callerOf(rpc) === "server" ? { httpKey: server().httpKey } : session;
      const res = await rawRpc(rpc.id, '{"__probe__":true}', caller);
      expect(res.status, rpc.id).toBe(400);
      expect(parseRpcError(res.json).detail.startsWith(`${rpc.id}: `), rpc.id).toBe(true);
    }
  });
});
