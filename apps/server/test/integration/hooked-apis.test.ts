import { randomUUID } from "node:crypto";
import {
  allRpcs,
  callerOf,
  decodeSessionToken,
  PASSWORD_TOO_LONG,
  parseAuthError,
  parseRpcError,
  REPLAY_GET,
  SESSION_CHECK,
  Username,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { REFRESH_RACE_GRACE_MS } from "../../src/sessions/refresh";
import { baseUrl, guest, newClient, rawRpc, server } from "./nakama";
import {
  deviceLogin,
  getAccountStatus,
  rawRefresh,
  rpcStatus,
  SERVER_KEY,
} from "./sessions-support";

// Nakama's own APIs that the module hooks (sign-in, refresh, link, account update): hostile
// strings, bcrypt's limit, races, and what a plain-Nakama client does keeping working.
const port = () => server().port;
const basic = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`;
const newEmail = () => `p${randomUUID().slice(0, 8)}@example.com`;
const newUsername = () => `u_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

/** POST to one of Nakama's APIs as any HTTP client could: status and parsed error. */
async function post(path: string, body: unknown, auth = basic) {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, text, json, error: parseAuthError(json) };
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const res = e as Response;
    return { status: res.status, ...parseAuthError(await res.json()) };
  }
  throw new Error("expected the call to fail");
}

describe("a control character in any string field → 400 naming the field", () => {
  it("in an RPC's payload (a NUL in a string field once reached Postgres: 500)", async () => {
    const { session } = await guest();
    for (const bad of ["abc\u0000", "line\nbreak", "del\u007f"]) {
      const body = JSON.stringify({ owner_id: bad });
      const res = await rawRpc(REPLAY_GET, body, session);
      expect(res.status, res.text).toBe(400);
      expect(parseAuthError(res.json)).toMatchObject({ reason: "invalid_payload" });
      expect(res.text).toContain("owner_id");
    }
    const key = await rawRpc(SESSION_CHECK, '{"a\\u0000":1}', session);
    expect(key.status).toBe(400);
  });

  it("in every RPC, before its contract is checked", async () => {
    const { session } = await guest();
    for (const rpc of allRpcs) {
      const { id } = rpc;
      // A server RPC is asked with the runtime HTTP key (a session is refused before the payload).
      const caller = callerOf(rpc) === "server" ? { httpKey: server().httpKey } : session;
      const res = await rawRpc(id, JSON.stringify({ note: "x\u001b[31m" }), caller);
      expect(res.status, `${id}: ${res.text}`).toBe(400);
      expect(res.text, id).toContain("note: control characters are not allowed");
    }
  });

  const device = "/v2/account/authenticate/device?create=true";
  const email = "/v2/account/authenticate/email?create=true";
  const custom = "/v2/account/authenticate/custom?create=true";
  it.each([
    ["device id", device, { id: `dev-${randomUUID()}\u0000` }, "account.id"],
    ["a device sign-in's var", device, { id: randomUUID(), vars: { client: "w\u0000" } }, "vars"],
    ["custom id", custom, { id: `cus-${randomUUID()}\u0001` }, "account.id"],
    ["email", email, { email: `a\u0000${newEmail()}`, password: "password1" }, "account.email"],
    ["password", email, { email: newEmail(), password: "pass\u0000word1" }, "account.password"],
  ])("%s at sign-in", async (_name, path, account, field) => {
    const res = await post(path, account);
    expect(res.status, res.text).toBe(400);
    expect(res.error.reason).toBe("invalid_payload");
    expect(res.text).toContain(field);
  });

  it("username at sign-up, and in refresh, link and account update", async () => {
    const signUp = await post(`/v2/account/authenticate/email?create=true&username=bad%00name`, {
      email: newEmail(),
      password: "password1",
    });
    expect(signUp.status, signUp.text).toBe(400);
    expect(signUp.text).toContain("username");

    const { session } = await deviceLogin(port());
    const refresh = await post("/v2/account/session/refresh", {
      token: session.refresh_token,
      vars: { "x\u0000": "1" },
    });
    expect(refresh.status).toBe(400);
    const bearer = `Bearer ${session.token}`;
    const link = await post(
      "/v2/account/link/email",
      { email: newEmail(), password: "pass\u0007word1" },
      bearer,
    );
    expect(link.status, link.text).toBe(400);
    expect(link.text).toContain("password");
    const res = await fetch(`${baseUrl()}/v2/account`, {
      method: "PUT",
      headers: { authorization: bearer, "content-type": "application/json" },
      body: JSON.stringify({ display_name: "Zoë\u0000" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/display_?name/i);
  });
});

/** A request to one of Nakama's APIs with a player's token: status, body and typed error. */
async function asPlayer(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, error: parseRpcError(JSON.parse(text)) };
}

describe("4xx, never 500, for what a client sends to Nakama's own APIs", () => {
  it("UpdateAccount: each field over its column → 400 naming it; at the limit, saved", async () => {
    const { client, session } = await guest();
    // Nakama's columns (users: avatar_url 512, lang_tag 18, location and timezone 255, in
    // characters): one more was a Postgres error and a 500. Counted as Postgres counts, so
    // letters outside the BMP are one character each.
    const fields = [
      ["avatar_url", 512],
      ["lang_tag", 18],
      ["location", 255],
      ["timezone", 255],
    ] as const;
    for (const [field, max] of fields) {
      for (const over of ["a".repeat(max + 1), "🎅".repeat(max + 1)]) {
        const res = await asPlayer("PUT", "/v2/account", session.token, { [field]: over });
        expect(res.status, `${field}: ${res.text}`).toBe(400);
        expect(res.error).toMatchObject({ reason: "invalid_payload", code: 3 });
        expect(res.error.detail).toBe(`${field}: at most ${max} characters`);
      }
      const fits = await asPlayer("PUT", "/v2/account", session.token, {
        [field]: "🎅".repeat(max),
      });
      expect(fits.status, `${field}: ${fits.text}`).toBe(200);
    }
    const { user } = await client.getAccount(session);
    expect(user?.avatar_url).toBe("🎅".repeat(512));
    // The display name has a stricter rule of its own (2–24): never near its column's 255.
    const long = await asPlayer("PUT", "/v2/account", session.token, {
      display_name: "a".repeat(256),
    });
    expect(long.status).toBe(400);
    expect(long.error.detail).toMatch(/^display_name: /);
  });

  it("a storage value nested past 32 levels → 400 naming it, before the hook parses it", async () => {
    const { session } = await guest();
    // 6,000 levels, ~48 KB once escaped in the request: near all Nakama lets in (64 KiB).
    const levels = 6_000;
    const value = `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
    const res = await asPlayer("PUT", "/v2/storage", session.token, {
      objects: [{ collection: "notes", key: "deep", value }],
    });
    expect(res.status, res.text).toBe(400);
    expect(res.error.detail).toContain(
      "objects.0.value: must be the JSON text of an object, nested at most 32 deep",
    );
  });

  it("a cursor Nakama can't read → 400, on the lists that answered 500 for it", async () => {
    const { session } = await guest();
    for (const path of [
      "/v2/tournament?cursor=zzzz",
      `/v2/leaderboard/weekly_leaderboard/owner/${session.user_id}?cursor=zzzz`,
    ]) {
      const res = await asPlayer("GET", path, session.token);
      expect(res.status, `${path}: ${res.text}`).toBe(400);
      expect(res.error).toMatchObject({ reason: "invalid_payload", code: 3 });
      expect(res.error.detail).toContain("cursor");
    }
  });

  it("a tournament write to the weekly board is closed: 403 api_closed, never Nakama's 500", async () => {
    const { session } = await guest();
    for (const [method, body] of [
      ["POST", { score: "1" }],
      ["PUT", { score: "1" }],
      ["POST", { score: "1", operator: 9 }],
    ] as const) {
      const res = await asPlayer(method, "/v2/tournament/weekly_leaderboard", session.token, body);
      expect(res.status, res.text).toBe(403);
      expect(res.error).toMatchObject({ reason: "api_closed", code: 7 });
    }
  });
});

describe("passwords bcrypt can hold (72 bytes of UTF-8)", () => {
  it("sign-up: 72 bytes pass, 73 bytes or 37 two-byte letters → 400 with the rule, never 500", async () => {
    const client = newClient();
    await client.authenticateEmail(newEmail(), "a".repeat(72), true, newUsername());
    for (const password of ["a".repeat(73), "é".repeat(37), "🎁".repeat(19)]) {
      const refused = await failure(
        client.authenticateEmail(newEmail(), password, true, newUsername()),
      );
      expect(refused).toMatchObject({ status: 400, reason: "invalid_payload" });
      expect(refused.detail).toContain(PASSWORD_TOO_LONG);
    }
  });

  it("save progress (LinkEmail) follows the sign-up rules: no account left without a password", async () => {
    const { client, session } = await deviceLogin(port());
    const email = newEmail();
    const long = await failure(client.linkEmail(session, { email, password: "p".repeat(100) }));
    expect(long).toMatchObject({ status: 400, reason: "invalid_payload" });
    expect(long.detail).toContain(PASSWORD_TOO_LONG);
    const short = await failure(client.linkEmail(session, { email, password: "short" }));
    expect(short).toMatchObject({ status: 400, reason: "invalid_payload" });
    expect((await client.getAccount(session)).email).toBeUndefined();
    await client.linkEmail(session, { email, password: "p".repeat(72) });
    const signedIn = await newClient().authenticateEmail(email, "p".repeat(72), false);
    expect(signedIn.user_id).toBe(session.user_id);
  });
});

describe("races answered cleanly", () => {
  it("six concurrent sign-ups with one email: one 200, five 409 email_taken (5 trials)", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const email = newEmail();
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () =>
          newClient()
            .authenticateEmail(email, "password1", true, newUsername())
            .then(
              () => ({ status: 200, reason: "ok" }),
              async (e: Response) => ({
                status: e.status,
                reason: parseAuthError(await e.json()).reason,
              }),
            ),
        ),
      );
      const statuses = outcomes.map((o) => `${o.status} ${o.reason}`).sort();
      expect(statuses, `trial ${trial}`).toEqual([
        "200 ok",
        ...Array.from({ length: 5 }, () => "409 email_taken"),
      ]);
      // The account works, and the claim is gone: a second sign-up is told the email is taken.
      await newClient().authenticateEmail(email, "password1", false);
      const again = await failure(
        newClient().authenticateEmail(email, "password1", true, newUsername()),
      );
      expect(again.reason).toBe("email_taken");
    }
  });

  it("save progress racing sign-ups for one email: one wins, the others 409 email_taken (5 trials)", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const email = newEmail();
      const { client, session } = await deviceLogin(port());
      const outcome = (p: Promise<unknown>) =>
        p.then(
          () => "ok",
          async (e: unknown) =>
            e instanceof Response
              ? `${e.status} ${parseAuthError(await e.json()).reason}`
              : `no answer: ${String(e)}`,
        );
      const results = await Promise.all([
        outcome(client.linkEmail(session, { email, password: "password1" })),
        ...Array.from({ length: 3 }, () =>
          outcome(newClient().authenticateEmail(email, "password1", true, newUsername())),
        ),
      ]);
      expect(
        results.filter((r) => r === "ok"),
        `trial ${trial}: ${results}`,
      ).toHaveLength(1);
      expect(results.filter((r) => r === "409 email_taken")).toHaveLength(3);
    }
  });

  it("two parallel refreshes of one token: one 200, one 409 refresh_superseded, the login lives (20 trials)", async () => {
    for (let trial = 0; trial < 20; trial++) {
      const { session } = await deviceLogin(port());
      const [a, b] = await Promise.all([
        rawRefresh(port(), session.refresh_token),
        rawRefresh(port(), session.refresh_token),
      ]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect([a.status, b.status].sort(), `trial ${trial}`).toEqual([200, 409]);
      expect(parseAuthError(loser.json).reason).toBe("refresh_superseded");
      const token = winner.json?.token ?? "";
      expect((await rpcStatus(port(), SESSION_CHECK, token)).status).toBe(200);
      const next = await rawRefresh(port(), winner.json?.refresh_token ?? "");
      expect(next.status, `trial ${trial}`).toBe(200);
    }
  });

  it("the retired token after the race window is reuse: the whole login is revoked", async () => {
    const { session } = await deviceLogin(port());
    const first = await rawRefresh(port(), session.refresh_token);
    expect(first.status).toBe(200);
    expect((await rawRefresh(port(), session.refresh_token)).status).toBe(409);
    await new Promise((r) => setTimeout(r, REFRESH_RACE_GRACE_MS + 500));
    const replay = await rawRefresh(port(), session.refresh_token);
    expect(replay.status).toBe(401);
    expect(parseAuthError(replay.json).reason).toBe("session_revoked");
    expect((await rawRefresh(port(), first.json?.refresh_token ?? "")).status).toBe(401);
    expect(await getAccountStatus(port(), first.json?.token ?? "")).toBe(401);
  });
});

describe("what works on a plain Nakama keeps working", () => {
  it("email sign-up without a username gets a generated one that follows the contract", async () => {
    const client = newClient();
    const session = await client.authenticateEmail(newEmail(), "password1");
    expect(session.created).toBe(true);
    const name = (await client.getAccount(session)).user?.username ?? "";
    expect(name).toMatch(/^player_[0-9a-f]{8}$/);
    expect(Username.safeParse(name).success).toBe(true);
    expect(decodeSessionToken(session.token).usn).toBe(name);
  });

  it("a custom-auth account saves its own Nakama-generated username back; a new mixed-case one is refused", async () => {
    const client = newClient();
    const session = await client.authenticateCustom(`custom-${randomUUID()}`, true);
    const account = await client.getAccount(session);
    const generated = account.user?.username ?? "";
    expect(Username.safeParse(generated).success).toBe(false); // Nakama's own, mixed case
    await client.updateAccount(session, { username: generated, display_name: "Santa" });
    expect((await client.getAccount(session)).user?.display_name).toBe("Santa");
    const renamed = await failure(client.updateAccount(session, { username: "SomeOtherName" }));
    expect(renamed).toMatchObject({ status: 400, reason: "invalid_payload" });
  });
});
