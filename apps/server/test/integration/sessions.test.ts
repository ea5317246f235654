import { randomUUID } from "node:crypto";
import {
  decodeSessionToken,
  parseAuthError,
  parseSessionEnded,
  SESSION_CHECK,
  SESSION_LOGOUT,
  SESSION_LOGOUT_ALL,
  sessionLogout,
  sessionLogoutAll,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { newClient, server } from "./nakama";
import {
  deviceLogin,
  getAccountStatus,
  rawRefresh,
  recordedSocket,
  rpcStatus,
  sessionCount,
  socketUpgrade,
  within,
} from "./sessions-support";

const port = () => server().port;
const now = () => Math.floor(Date.now() / 1000);

async function authError(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return parseAuthError(await (e as Response).json());
  }
  throw new Error("expected the call to fail");
}

function newEmail() {
  return `p${randomUUID().slice(0, 8)}@example.com`;
}
function newUsername() {
  return `u_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

describe("session vars: server-set, plus the client's allowed ones (ClientSessionVars)", () => {
  it("sets lid, rid, login_at and keeps an allowed client tag; takeover is stripped", async () => {
    const { session } = await deviceLogin(port(), {
      vars: { client: "web-1.0", takeover: "1" },
    });
    const data = decodeSessionToken(session.token);
    expect(Object.keys(data.vrs).sort()).toEqual(["client", "lid", "login_at", "rid"]);
    expect(data.vrs.client).toBe("web-1.0");
    expect(Math.abs(Number(data.vrs.login_at) - now())).toBeLessThanOrEqual(5);
  });

  it.each([
    ["a var off the allow-list", { admin: "1" }, '"admin"'],
    ["a server-set var", { lid: "mine" }, '"lid"'],
    ["a client tag that fails its contract", { client: "Evil Tag <script>" }, "client"],
  ])("refuses %s at sign-in with 400 naming it", async (_name, vars, named) => {
    const refused = await authError(deviceLogin(port(), { vars }));
    expect(refused).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(refused.detail).toContain(named);
    const email = await authError(
      newClient().authenticateEmail(newEmail(), "password1", true, newUsername(), vars),
    );
    expect(email.reason).toBe("invalid_payload");
  });

  it("puts the account's email on email sign-in, lowercased", async () => {
    const email = newEmail();
    const client = newClient();
    await client.authenticateEmail(email, "password1", true, newUsername());
    const session = await client.authenticateEmail(email.toUpperCase(), "password1", false);
    expect(decodeSessionToken(session.token).vrs.email).toBe(email);
  });

  it("carries the login's vars across refreshes (lid, login_at, client stay; rid changes)", async () => {
    const { session } = await deviceLogin(port(), { vars: { client: "web-1.0" } });
    const before = decodeSessionToken(session.token);
    const res = await rawRefresh(port(), session.refresh_token, {});
    expect(res.status).toBe(200);
    const after = decodeSessionToken(res.json?.token ?? "");
    expect(after.vrs).toEqual({ ...before.vrs, rid: after.vrs.rid });
    expect(after.vrs.rid).not.toBe(before.vrs.rid);
    expect(after.tid).toBe(before.tid);
  });

  it("refuses vars sent with a refresh (400 naming them); the refresh token stays good", async () => {
    const { session } = await deviceLogin(port(), { vars: { client: "web-1.0" } });
    const res = await rawRefresh(port(), session.refresh_token, { admin: "1", client: "x" });
    expect(res.status).toBe(400);
    expect(parseAuthError(res.json)).toMatchObject({ reason: "invalid_payload" });
    expect(res.json?.message).toContain('"admin"');
    expect((await rawRefresh(port(), session.refresh_token)).status).toBe(200);
  });
});

describe("email sign-up and sign-in errors a person can act on", () => {
  it("email taken, username taken, wrong password, unknown account, bad fields", async () => {
    const email = newEmail();
    const username = newUsername();
    const client = newClient();
    const created = await client.authenticateEmail(email, "password1", true, username);
    expect(created.created).toBe(true);

    // Plain Nakama would sign in here (right password) or say "Invalid credentials.".
    expect(
      (await authError(client.authenticateEmail(email, "password1", true, newUsername()))).reason,
    ).toBe("email_taken");
    expect(
      (await authError(client.authenticateEmail(newEmail(), "password1", true, username))).reason,
    ).toBe("username_taken");
    expect((await authError(client.authenticateEmail(email, "wrong-password", false))).reason).toBe(
      "wrong_password",
    );
    expect((await authError(client.authenticateEmail(newEmail(), "password1", false))).reason).toBe(
      "account_not_found",
    );
    const short = await authError(
      client.authenticateEmail(newEmail(), "short", true, newUsername()),
    );
    expect(short).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(short.detail).toContain("password");
    const badName = await authError(
      client.authenticateEmail(newEmail(), "password1", true, "Bad Name"),
    );
    expect(badName.reason).toBe("invalid_payload");
    expect(badName.detail).toContain("username");
  });

  it("a guest saves progress: linkEmail keeps the user id", async () => {
    const { client, session } = await deviceLogin(port());
    const email = newEmail();
    await client.linkEmail(session, { email, password: "password1" });
    const signedIn = await newClient().authenticateEmail(email, "password1", false);
    expect(signedIn.user_id).toBe(session.user_id);
    const other = await deviceLogin(port());
    const taken = await authError(
      other.client.linkEmail(other.session, { email, password: "password1" }),
    );
    expect(taken.reason).toBe("email_taken");
  });
});

describe("refresh rotation (plain Nakama keeps every refresh token valid)", () => {
  it("a used refresh token presented after the race window revokes the whole login", async () => {
    const { session } = await deviceLogin(port());
    const first = await rawRefresh(port(), session.refresh_token);
    expect(first.status).toBe(200);
    const second = await rawRefresh(port(), first.json?.refresh_token ?? "");
    expect(second.status).toBe(200);

    // Two generations old: reuse at once, no race window applies.
    const replay = await rawRefresh(port(), session.refresh_token);
    expect(replay.status).toBe(401);
    expect(parseAuthError(replay.json).reason).toBe("session_revoked");
    // The whole login is gone: the newest refresh token and every session token.
    expect((await rawRefresh(port(), second.json?.refresh_token ?? "")).status).toBe(401);
    expect((await rpcStatus(port(), SESSION_CHECK, second.json?.token ?? "")).status).toBe(401);
    expect(await getAccountStatus(port(), session.token)).toBe(401);
  });

  it("refuses a refresh token not signed by the server without touching the login", async () => {
    const { session } = await deviceLogin(port());
    const [h, p] = session.refresh_token.split(".");
    const forged = await rawRefresh(port(), `${h}.${p}.${"A".repeat(43)}`);
    expect(forged.status).toBe(401);
    expect((await rawRefresh(port(), session.refresh_token)).status).toBe(200);
  });
});

describe("sign out", () => {
  it("session_logout: the socket is told, then closed; token, refresh token and GetAccount die", async () => {
    const { client, session } = await deviceLogin(port());
    const rec = await recordedSocket(client, session);
    const res = await client.rpc(session, SESSION_LOGOUT, {});
    expect(sessionLogout.response.parse(res.payload)).toEqual({ sockets_closed: 1 });
    await within(2000, rec.closed, "socket closed");
    expect(rec.events.map((e) => e.type)).toEqual(["notification", "close"]);
    expect(parseSessionEnded(rec.events[0] as never)).toMatchObject({ reason: "signed_out" });

    expect((await rpcStatus(port(), SESSION_CHECK, session.token)).status).toBe(401);
    expect((await rawRefresh(port(), session.refresh_token)).status).toBe(401);
    expect(await getAccountStatus(port(), session.token)).toBe(401);
    // Nakama refuses the logged-out token at socket upgrade, except one issued in the very
    // second of the logout (its all-tokens invalidation has one-second granularity); a
    // socket that still opens gets nothing from us, and is closed at its first RPC.
    if ((await socketUpgrade(port(), session.token)) === "open") {
      const zombie = await recordedSocket(client, session, { refused: true });
      await expect(zombie.socket.rpc(SESSION_CHECK, "{}")).rejects.toBeDefined();
      await within(2000, zombie.closed, "zombie socket closed");
    }
  });

  it("session_logout_all: every socket told and closed, all tokens dead", async () => {
    const { client, session } = await deviceLogin(port());
    const rec = await recordedSocket(client, session);
    const res = await client.rpc(session, SESSION_LOGOUT_ALL, {});
    expect(sessionLogoutAll.response.parse(res.payload)).toEqual({
      logins_revoked: 1,
      sockets_closed: 1,
    });
    await within(2000, rec.closed, "socket closed");
    expect(rec.events.map((e) => e.type)).toEqual(["notification", "close"]);
    expect(parseSessionEnded(rec.events[0] as never)).toMatchObject({
      reason: "signed_out_everywhere",
    });
    expect((await rawRefresh(port(), session.refresh_token)).status).toBe(401);
    expect(await getAccountStatus(port(), session.token)).toBe(401);
  });
});

describe("kick_previous (the default policy)", () => {
  it("a new sign-in ends the old one within 2 s: told first, socket closed, tokens dead", async () => {
    const old = await deviceLogin(port(), { vars: { client: "web-old" } });
    const rec = await recordedSocket(old.client, old.session);
    const check = (token: string) => sessionCount(port(), token);
    expect((await check(old.session.token)).connected_sessions).toBe(1);

    const fresh = await deviceLogin(port(), {
      deviceId: old.deviceId,
      vars: { client: "web-new" },
    });
    const signedInAt = Date.now();
    const elapsed = await within(2000, rec.closed, "old socket closed");
    console.log(`old socket closed ${elapsed} ms after the new sign-in returned`);
    expect(rec.events.map((e) => e.type)).toEqual(["notification", "close"]);
    const content = parseSessionEnded(rec.events[0] as never);
    expect(content).toMatchObject({ reason: "signed_in_elsewhere", client: "web-new" });
    expect(Math.abs((content?.at ?? 0) * 1000 - signedInAt)).toBeLessThan(3000);

    expect((await rpcStatus(port(), SESSION_CHECK, old.session.token)).status).toBe(401);
    expect((await rawRefresh(port(), old.session.refresh_token)).status).toBe(401);
    expect(await getAccountStatus(port(), old.session.token)).toBe(401);

    expect((await check(fresh.session.token)).connected_sessions).toBe(0);
    const recNew = await recordedSocket(fresh.client, fresh.session);
    expect((await check(fresh.session.token)).connected_sessions).toBe(1);
    recNew.socket.disconnect(false);
  });

  it("works the same for email sign-in, naming the new device's client tag", async () => {
    const email = newEmail();
    const phone = newClient();
    const old = await phone.authenticateEmail(email, "password1", true, newUsername());
    const rec = await recordedSocket(phone, old);
    const laptop = newClient();
    await laptop.authenticateEmail(email, "password1", false, undefined, { client: "web-laptop" });
    await within(2000, rec.closed, "old socket closed");
    expect(parseSessionEnded(rec.events[0] as never)).toMatchObject({
      reason: "signed_in_elsewhere",
      client: "web-laptop",
    });
    expect((await rawRefresh(port(), old.refresh_token)).status).toBe(401);
  });

  it("of sign-ins racing for one account, exactly one survives", async () => {
    // Created first: Nakama itself answers 500 to concurrent creations of one device id.
    const { deviceId, session: first } = await deviceLogin(port());
    const logins = await Promise.all(
      Array.from({ length: 4 }, () => deviceLogin(port(), { deviceId })),
    );
    const statuses = await Promise.all(
      logins.map(
        async ({ session }) => (await rpcStatus(port(), SESSION_CHECK, session.token)).status,
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect((await rpcStatus(port(), SESSION_CHECK, first.token)).status).toBe(401);
  });

  it("ends the old login even when the new sign-in comes in the same second", async () => {
    const old = await deviceLogin(port());
    const fresh = await deviceLogin(port(), { deviceId: old.deviceId });
    expect(fresh.session.user_id).toBe(old.session.user_id);
    // Nakama's single_session only refuses tokens issued in an earlier second.
    expect((await rawRefresh(port(), old.session.refresh_token)).status).toBe(401);
    expect((await rpcStatus(port(), SESSION_CHECK, old.session.token)).status).toBe(401);
    expect((await rpcStatus(port(), SESSION_CHECK, fresh.session.token)).status).toBe(200);
  });
});
