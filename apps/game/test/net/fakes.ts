import type { TokenClaims, Tokens } from "../../src/net/session/tokens";

/** An in-memory Storage (the unit tests run in Node). */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

const b64url = (s: string) => Buffer.from(s).toString("base64url");

/** An unsigned JWT with these claims (the client never checks signatures). */
export function jwt(claims: Partial<TokenClaims> & { exp: number }): string {
  const body = { uid: "user-1", usn: "santa", iat: Math.floor(Date.now() / 1000), ...claims };
  return `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(body))}.sig`;
}

/** Reads a JWT the way the client needs (base64url-correct). */
export function decodeJwt(token: string): TokenClaims {
  const part = token.split(".")[1];
  if (!part) throw new Error("not a jwt");
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as TokenClaims;
}

let serial = 0;
/** A pair whose token lives `tokenSec` and refresh token `refreshSec` from now. */
export function pair(tokenSec: number, refreshSec = 3600, uid = "user-1"): Tokens {
  const t = Math.floor(Date.now() / 1000);
  serial++;
  return {
    token: jwt({ uid, exp: t + tokenSec, tid: `t${serial}` } as Partial<TokenClaims> & {
      exp: number;
    }),
    refreshToken: jwt({ uid, exp: t + refreshSec, tid: `r${serial}` } as Partial<TokenClaims> & {
      exp: number;
    }),
  };
}

/** What a refused HTTP call throws (nakama-js and AuthHttp throw the Response). */
export function refusal(status = 401) {
  return new Response(JSON.stringify({ code: 16, message: "Refresh token invalid or expired." }), {
    status,
  });
}
