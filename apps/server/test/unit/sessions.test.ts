import { createHmac, randomUUID } from "node:crypto";
import { parseRpcError } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { Owned } from "../../src/runtime/owned-storage";
import { maxLoginSeconds, policyMismatch, sessionPolicy } from "../../src/sessions/config";
import { beforeGetAccount } from "../../src/sessions/guard";
import { beforeSessionRefresh } from "../../src/sessions/refresh";
import { signInVars } from "../../src/sessions/sign-in";
import type { LoginRecord } from "../../src/sessions/store";

const LOGINS = Owned.sessionLogins.collection;

const KEYS = { encryptionKey: "session-key", refreshEncryptionKey: "refresh-key" };

/** Just enough of nk for the refresh hook: storage with versions, localcache, crypto. */
function fakeNk() {
  const storage = new Map<string, { value: unknown; version: number }>();
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
    sessionLogout: (uid: string) => logouts.push(uid),
    storageRead: (keys: { collection: string; key: string; userId: string }[]) =>
      keys.flatMap((k) => {
        const o = storage.get(`${k.collection}/${k.userId}/${k.key}`);
        return o ? [{ ...k, value: o.value, version: String(o.version) }] : [];
      }),
    storageWrite: (
      writes: {
        collection: string;
        key: string;
        userId: string;
        value: unknown;
        version?: string;
      }[],
    ) =>
      writes.map((w) => {
        const id = `${w.collection}/${w.userId}/${w.key}`;
        const cur = storage.get(id);
        if (w.version !== undefined && String(cur?.version ?? "") !== w.version) {
          throw new Error("Storage write rejected - version check failed.");
        }
        storage.set(id, { value: structuredClone(w.value), version: (cur?.version ?? 0) + 1 });
        return {};
      }),
  };
  const record = (uid: string, lid: string) =>
    storage.get(`${LOGINS}/${uid}/${lid}`)?.value as LoginRecord | undefined;
  return { nk: nk as unknown as nkruntime.Nakama, record, logouts, storage };
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
function refreshToken(claims: object, key = KEYS.refreshEncryptionKey) {
  const head = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}`;
  return `${head}.${createHmac("sha256", key).update(head).digest("base64url")}`;
}

function signedIn(f: ReturnType<typeof fakeNk>, loginAgoSec = 10) {
  const now = Math.floor(Date.now() / 1000);
  const uid = randomUUID();
  const lid = randomUUID();
  const rid = randomUUID();
  const tid = randomUUID();
  const loginAt = now - loginAgoSec;
  f.nk.storageWrite([
    {
      collection: LOGINS,
      key: lid,
      userId: uid,
      value: { tid, rid, login_at: loginAt, exp: now + 3600 },
    },
  ]);
  const token = refreshToken({
    tid,
    uid,
    usn: "santa",
    vrs: { lid, rid, login_at: String(loginAt) },
    exp: now + 3600,
    iat: loginAt,
  });
  return { uid, lid, rid, token };
}

const ctx = (env: Record<string, string> = {}) => ({ env }) as unknown as nkruntime.Context;
const logger = { warn() {}, info() {}, error() {}, debug() {} } as unknown as nkruntime.Logger;
const refresh = (f: ReturnType<typeof fakeNk>, token: string, env?: Record<string, string>) =>
  beforeSessionRefresh(ctx(env), logger, f.nk, { token, vars: { admin: "1" } });
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
  it("keeps only server-set vars and a valid client tag", () => {
    const { nk } = fakeNk();
    const vars = signInVars(nk, { client: "web-1", admin: "1", lid: "x", takeover: "1" }, "a@b.cd");
    expect(Object.keys(vars).sort()).toEqual(["client", "email", "lid", "login_at", "rid"]);
    expect(vars.lid).not.toBe("x");
    expect(signInVars(nk, { client: "NOT OK" }).client).toBeUndefined();
  });
});

describe("beforeSessionRefresh", () => {
  it("rotates rid, keeps lid and login_at, drops the client's vars", () => {
    const f = fakeNk();
    const s = signedIn(f);
    const out = refresh(f, s.token) as { vars: Record<string, string> };
    expect(out.vars.lid).toBe(s.lid);
    expect(out.vars.rid).not.toBe(s.rid);
    expect(out.vars).not.toHaveProperty("admin");
    expect(f.record(s.uid, s.lid)?.rid).toBe(out.vars.rid);
  });

  it("revokes the whole login when a used refresh token comes back", () => {
    const f = fakeNk();
    const s = signedIn(f);
    refresh(f, s.token);
    expect(refusal(() => refresh(f, s.token))).toMatchObject({
      reason: "session_revoked",
      code: 16,
    });
    expect(f.record(s.uid, s.lid)?.revoked_reason).toBe("refresh_reused");
    expect(f.logouts).toContain(s.uid);
  });

  it("refuses a token not signed with the refresh key and leaves the login alone", () => {
    const f = fakeNk();
    const s = signedIn(f);
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
    const s = signedIn(f, 2 * 86400);
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
    const s = signedIn(f);
    expect(() => call(f, s.uid, { lid: s.lid })).not.toThrow();
    expect(refusal(() => call(f, s.uid, { lid: randomUUID() }))).toMatchObject({
      reason: "session_revoked",
      code: 16,
    });
    expect(refusal(() => call(f, s.uid, {})).code).toBe(16);

    const g = fakeNk();
    const t = signedIn(g);
    refresh(g, t.token);
    refusal(() => refresh(g, t.token)); // reuse: the login is revoked
    expect(refusal(() => call(g, t.uid, { lid: t.lid }))).toMatchObject({
      reason: "session_revoked",
    });
  });
});
