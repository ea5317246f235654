import { createHmac, randomUUID } from "node:crypto";
import { allRpcs, parseRpcError, REPLAY_GET, SESSION_CHECK } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { baseUrl, guest, moduleInternalsIn, rawRpc, server } from "./nakama";

// The dev/test session key from infra/nakama/local.yml: the server's real signing key here.
const SESSION_KEY = "dev-only-session-key-change-me";

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

function sign(header: object, claims: object, key: string) {
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${head}.${createHmac("sha256", key).update(head).digest("base64url")}`;
}

function claimsFor(userId: string, username: string, overrides: object = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    tid: randomUUID(),
    uid: userId,
    usn: username,
    vrs: {},
    exp: now + 600,
    iat: now,
    ...overrides,
  };
}

async function httpStatus(token: string) {
  const res = await fetch(`${baseUrl()}/v2/account`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}

/** Resolves with the HTTP status of a refused socket upgrade, or "open" if it was accepted. */
function socketUpgrade(token: string): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${server().port}/ws?lang=en&status=true&token=${encodeURIComponent(token)}`,
    );
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", () => resolve(0));
  });
}

describe("forged and expired tokens are refused everywhere", async () => {
  const forgeries: [string, (uid: string, usn: string, real: string) => string][] = [
    [
      "signed with the wrong key",
      (uid, usn) => sign({ alg: "HS256", typ: "JWT" }, claimsFor(uid, usn), "not-the-key"),
    ],
    [
      "alg: none",
      (uid, usn) =>
        `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${b64url(JSON.stringify(claimsFor(uid, usn)))}.`,
    ],
    [
      "tampered claims (real signature, other user id)",
      (_uid, _usn, real) => {
        const [h, p, s] = real.split(".");
        const claims = JSON.parse(Buffer.from(p ?? "", "base64url").toString());
        claims.uid = randomUUID();
        return `${h}.${b64url(JSON.stringify(claims))}.${s}`;
      },
    ],
    [
      "expired (right key)",
      (uid, usn) =>
        sign(
          { alg: "HS256", typ: "JWT" },
          claimsFor(uid, usn, { exp: Math.floor(Date.now() / 1000) - 60 }),
          SESSION_KEY,
        ),
    ],
  ];

  it("our signing matches the server's (so the forgeries below differ only in what they break)", async () => {
    const { session } = await guest();
    const [h, p] = session.token.split(".");
    const header = JSON.parse(Buffer.from(h ?? "", "base64url").toString());
    const claims = JSON.parse(Buffer.from(p ?? "", "base64url").toString());
    expect(sign(header, claims, SESSION_KEY)).toBe(session.token);
    expect(await httpStatus(session.token)).toBe(200);
  });

  for (const [name, forge] of forgeries) {
    it(`${name}: 401 on the HTTP API, on our RPCs and at socket upgrade`, async () => {
      const { session } = await guest();
      const token = forge(session.user_id ?? "", session.username ?? "", session.token);
      expect(await httpStatus(token)).toBe(401);
      expect((await rawRpc(SESSION_CHECK, "{}", { token })).status).toBe(401);
      expect(await socketUpgrade(token)).toBe(401);
    });
  }
});

describe("hostile payloads get a 4xx and the server keeps serving", () => {
  it.each([
    ["a 2 MB payload", () => JSON.stringify({ junk: "x".repeat(2 * 1024 * 1024) })],
    ["malformed JSON", () => '{"a":'],
    ["wrong types", () => "[[[true]]]"],
    ["deeply nested input", () => `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["deeply nested objects", () => `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`],
  ])("%s", async (_name, body) => {
    const { client, session } = await guest();
    const res = await rawRpc(SESSION_CHECK, body(), session);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    // Nakama copies the thrown error's JS stack into HTTP error bodies: ours holds the
    // refusal's message and no frame of the module (src/runtime/refusal.ts).
    expect(moduleInternalsIn(res.text)).toBeNull();
    expect(res.text).not.toMatch(/goroutine|panic|handleRpc/);
    const after = await client.rpc(session, SESSION_CHECK, {});
    expect(after.payload).toEqual({ already_connected: false, connected_sessions: 0 });
  });
});

describe("refusals carry their code, reason and message, and nothing of the module", () => {
  it("for every RPC, a replay_get of a player without one and a refused hook", async () => {
    const { session } = await guest();
    const answers: { what: string; status: number; text: string }[] = [];
    for (const rpc of allRpcs) {
      const res = await rawRpc(rpc.id, '{"not_a_field":1}', session);
      answers.push({ what: rpc.id, ...res });
    }
    answers.push({
      what: "replay_get of a player without a replay",
      ...(await rawRpc(REPLAY_GET, JSON.stringify({ owner_id: randomUUID() }), session)),
    });
    const rename = await fetch(`${baseUrl()}/v2/account`, {
      method: "PUT",
      headers: { authorization: `Bearer ${session.token}`, "content-type": "application/json" },
      body: JSON.stringify({ username: "No Spaces Allowed" }),
    });
    answers.push({ what: "UpdateAccount hook", status: rename.status, text: await rename.text() });
    for (const { what, status, text } of answers) {
      expect(status, `${what}: ${text}`).toBeGreaterThanOrEqual(400);
      expect(status, `${what}: ${text}`).toBeLessThan(500);
      expect(moduleInternalsIn(text), what).toBeNull();
      expect(parseRpcError(JSON.parse(text)).reason, `${what}: ${text}`).not.toBe("unknown");
    }
  });
});
