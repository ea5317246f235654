import { createHmac, randomUUID } from "node:crypto";
import { parseRpcError } from "@gift-grab/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { maxLoginSeconds, policyMismatch, sessionPolicy } from "../../src/sessions/config";
import { beforeGetAccount } from "../../src/sessions/guard";
import { beforeSessionRefresh, REFRESH_RACE_GRACE_MS } from "../../src/sessions/refresh";
import { afterSignIn, signInVars } from "../../src/sessions/sign-in";
import type { fakeLoginTable } from "./fake-login-table";

const logins = vi.hoisted(() => ({
  table: undefined as ReturnType<typeof fakeLoginTable> | undefined,
}));
vi.mock("../../src/sessions/login-table", async () => {
  const { fakeLoginTable } = await import("./fake-login-table");
  logins.table = fakeLoginTable();
  return logins.table.api;
});
const table = () => {
  if (!logins.table) throw new Error("login table not mocked");
  return logins.table;
};

const KEYS = { encryptionKey: "session-key", refreshEncryptionKey: "refresh-key" };

/** Just enough of nk for the refresh hook: localcache, crypto (logins: the fake table). */
function fakeNk() {
  const cache = new Map<string, unknown>([
    [
      "gift-grab:session-config",
      JSON.stringify({ ...KEYS, tokenExpirySec: 900, refreshTokenExpirySec: 604800 }),
    ],
  ]);
  const logouts: string[] = [];
  const toAb = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  const nk = {
    uuidv4: () => randomUUID(),
    localcacheGet: (k: string) => cache.get(k),
    localcachePut: (k: string, v: unknown) => cache.set(k, v),
    hmacSha256Hash: (input: string, key: string) =>
      toAb(createHmac("sha256", key).update(input).digest()),
    base64UrlEncode: (ab: ArrayBuffer) => Buffer.from(ab).toString("base64url"),
    base64UrlDecode: (s: string) => toAb(Buffer.from(s, "base64url")),
    binaryToString: (ab: ArrayBuffer) => Buffer.from(ab).toString("utf8"),
    jwtGenerate: () => "stand-in",
    sqlQuery: () => [],
    sessionLogout: (uid: string) => logouts.push(uid),
    streamUserList: () => [],
  };
  return { nk: nk as unknown as nkruntime.Nakama, record: table().record, logouts };
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
function refreshToken(claims: object, key = KEYS.refreshEncryptionKey) {
  const head = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}`;
  return `${head}.${createHmac("sha256", key).update(head).digest("base64url")}`;
}

function signedIn(loginAgoSec = 10, clientVars: Record<string, string> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const uid = randomUUID();
  const lid = randomUUID();
  const rid = randomUUID();
  const tid = randomUUID();
  const loginAt = now - loginAgoSec;
  table().put({ userId: uid, lid, record: { tid, rid, login_at: loginAt, exp: now + 3600 } });
  const token = refreshToken({
    tid,
    uid,
    usn: "santa",
    vrs: { ...clientVars, lid, rid, login_at: String(loginAt) },
    exp: now + 3600,
    iat: loginAt,
  });
  return { uid, lid, rid, tid, loginAt, token };
}

/** The refresh token of the same login with another refresh generation. */
function signedInToken(s: ReturnType<typeof signedIn>, rid: string) {
  return refreshToken({
    tid: s.tid,
    uid: s.uid,
    usn: "santa",
    vrs: { lid: s.lid, rid, login_at: String(s.loginAt) },
    exp: Math.floor(Date.now() / 1000) + 3600,
    iat: s.loginAt,
  });
}

const ctx = (env: Record<string, string> = {}) => ({ env }) as unknown as nkruntime.Context;
const logger = { warn() {}, info() {}, error() {}, debug() {} } as unknown as nkruntime.Logger;
const refresh = (
  f: ReturnType<typeof fakeNk>,
  token: string,
  env?: Record<string, string>,
  vars?: Record<string, string>,
) => beforeSessionRefresh(ctx(env), logger, f.nk, { token, vars });
function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return parseRpcError(e);
  }
  throw new Error("expected a refusal");
}

describe("session config from runtime.env", () => {
  it("reads SESSION_POLICY with kick_previous as default", () => {
    expect(sessionPolicy(undefined)).toBe("kick_previous");
    expect(sessionPolicy({ SESSION_POLICY: "deny_new" })).toBe("deny_new");
    expect(sessionPolicy({ SESSION_POLICY: "bogus" })).toBe("kick_previous");
  });
  it("reads MAX_LOGIN_DAYS (fractions allowed), 30 days by default", () => {
    expect(maxLoginSeconds(undefined)).toBe(30 * 86400);
    expect(maxLoginSeconds({ MAX_LOGIN_DAYS: "2" })).toBe(2 * 86400);
    expect(maxLoginSeconds({ MAX_LOGIN_DAYS: "0.5" })).toBe(43200);
    expect(maxLoginSeconds({ MAX_LOGIN_DAYS: "-1" })).toBe(30 * 86400);
  });
  it("names a disagreement between policy and Nakama's flags", () => {
    expect(policyMismatch("kick_previous", true, true)).toBeUndefined();
    expect(policyMismatch("allow", false, false)).toBeUndefined();
    expect(policyMismatch("allow", true, false)).toContain("single_session");
    expect(policyMismatch("allow", false, true)).toContain("single_socket");
    expect(policyMismatch("deny_new", false, true)).toContain("single_session");
  });
});

describe("signInVars", () => {
  it("adds the server's vars to the client's allowed ones; takeover is stripped", () => {
    const { nk } = fakeNk();
    const vars = signInVars(nk, { client: "web-1", takeover: "1" }, "a@b.cd");
    expect(Object.keys(vars).sort()).toEqual(["client", "email", "lid", "login_at", "rid"]);
    expect(vars.client).toBe("web-1");
  });

  it("refuses a var off the allow-list, or an allowed one that fails its schema, naming it", () => {
    const { nk } = fakeNk();
    for (const [sent, named] of [
      [{ admin: "1" }, '"admin"'],
      [{ lid: "mine" }, '"lid"'],
      [{ client: "NOT OK" }, "client"],
      [{ takeover: "yes" }, "takeover"],
    ] as const) {
      const refused = refusal(() => signInVars(nk, sent));
      expect(refused).toMatchObject({ reason: "invalid_payload", code: 3 });
      expect(refused.detail).toContain(named);
    }
  });
});

describe("afterSignIn", () => {
  it("fails closed: when the login can't be recorded, Nakama's cache refuses the new token", () => {
    const f = fakeNk();
    const s = signedIn();
    const token = refreshToken(
      JSON.parse(Buffer.from(s.token.split(".")[1] ?? "", "base64url").toString()),
    );
    vi.spyOn(table().api, "recordSignIn").mockImplementation(() => {
      throw new Error("GoError: failed to connect to `user=postgres`");
    });
    const session = { token, refresh_token: token, created: true } as unknown as nkruntime.Session;
    expect(() => afterSignIn(ctx(), logger, f.nk, session)).toThrow(/failed to connect/);
    expect(f.logouts).toEqual([s.uid]);
    vi.restoreAllMocks();
  });
});

describe("beforeSessionRefresh", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("rotates rid, keeps lid, login_at and the client tag", () => {
    const f = fakeNk();
    const s = signedIn(10, { client: "web-1" });
    const out = refresh(f, s.token) as { vars: Record<string, string> };
    expect(out.vars.lid).toBe(s.lid);
    expect(out.vars.rid).not.toBe(s.rid);
    expect(out.vars.client).toBe("web-1");
    expect(f.record(s.uid, s.lid)?.rid).toBe(out.vars.rid);
  });

  it("refuses vars sent with a refresh, naming them, and leaves the login alone", () => {
    const f = fakeNk();
    const s = signedIn();
    const refused = refusal(() => refresh(f, s.token, {}, { admin: "1" }));
    expect(refused).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(refused.detail).toContain('"admin"');
    expect(f.record(s.uid, s.lid)?.rid).toBe(s.rid);
    expect(refresh(f, s.token, {}, {})).toBeDefined();
  });

  it("a used refresh token within the race window: refresh_superseded (409), the login stays", () => {
    const f = fakeNk();
    const s = signedIn();
    const out = refresh(f, s.token) as { vars: Record<string, string> };
    expect(refusal(() => refresh(f, s.token))).toMatchObject({
      reason: "refresh_superseded",
      code: 10,
    });
    expect(f.record(s.uid, s.lid)?.revoked_at).toBeUndefined();
    expect(f.record(s.uid, s.lid)?.rid).toBe(out.vars.rid);
  });

  it("two refreshes interleaved (both read, one writes first): the loser gets refresh_superseded", () => {
    const f = fakeNk();
    const s = signedIn();
    const read = table().api.readLogin;
    let raced = false;
    vi.spyOn(table().api, "readLogin").mockImplementation((...args) => {
      const login = read(...args);
      if (!raced) {
        raced = true;
        refresh(f, s.token); // the winner, between the loser's read and its write
      }
      return login;
    });
    expect(refusal(() => refresh(f, s.token))).toMatchObject({ reason: "refresh_superseded" });
    expect(f.record(s.uid, s.lid)?.revoked_at).toBeUndefined();
  });

  it("a used refresh token after the race window revokes the whole login", () => {
    const f = fakeNk();
    const s = signedIn();
    refresh(f, s.token);
    const later = Date.now() + REFRESH_RACE_GRACE_MS + 1;
    vi.spyOn(Date, "now").mockReturnValue(later);
    expect(refusal(() => refresh(f, s.token))).toMatchObject({
      reason: "session_revoked",
      code: 16,
    });
    expect(f.record(s.uid, s.lid)?.revoked_reason).toBe("refresh_reused");
    expect(f.logouts).toContain(s.uid);
  });

  it("a token two generations old is reuse even within the window", () => {
    const f = fakeNk();
    const s = signedIn();
    const first = refresh(f, s.token) as { vars: Record<string, string> };
    const second = signedInToken(s, first.vars.rid ?? "");
    refresh(f, second);
    expect(refusal(() => refresh(f, s.token))).toMatchObject({ reason: "session_revoked" });
  });

  it("refuses a token not signed with the refresh key and leaves the login alone", () => {
    const f = fakeNk();
    const s = signedIn();
    const forged = refreshToken(
      JSON.parse(Buffer.from(s.token.split(".")[1] ?? "", "base64url").toString()),
      "guess",
    );
    expect(refusal(() => refresh(f, forged)).code).toBe(16);
    expect(f.record(s.uid, s.lid)?.revoked_at).toBeUndefined();
    expect(f.record(s.uid, s.lid)?.rid).toBe(s.rid);
  });

  it("ends a login older than MAX_LOGIN_DAYS", () => {
    const f = fakeNk();
    const s = signedIn(2 * 86400);
    expect(refusal(() => refresh(f, s.token, { MAX_LOGIN_DAYS: "1" }))).toMatchObject({
      reason: "login_expired",
      code: 16,
    });
    expect(f.record(s.uid, s.lid)?.revoked_reason).toBe("login_expired");
  });
});

describe("beforeGetAccount (the forum's preflight)", () => {
  const call = (f: ReturnType<typeof fakeNk>, userId: string, vars: Record<string, string>) =>
    beforeGetAccount(
      { userId, vars, env: {} } as unknown as nkruntime.Context,
      logger,
      f.nk,
      undefined,
    );

  it("lets a live login through and refuses a revoked, unknown or var-less one with 16", () => {
    const f = fakeNk();
    const s = signedIn();
    expect(() => call(f, s.uid, { lid: s.lid })).not.toThrow();
    expect(refusal(() => call(f, s.uid, { lid: randomUUID() }))).toMatchObject({
      reason: "session_revoked",
      code: 16,
    });
    expect(refusal(() => call(f, s.uid, {})).code).toBe(16);

    const g = fakeNk();
    const t = signedIn();
    refresh(g, t.token);
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + REFRESH_RACE_GRACE_MS + 1);
    refusal(() => refresh(g, t.token)); // reuse: the login is revoked
    vi.restoreAllMocks();
    expect(refusal(() => call(g, t.uid, { lid: t.lid }))).toMatchObject({
      reason: "session_revoked",
    });
  });
});
