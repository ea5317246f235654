import { randomUUID } from "node:crypto";
import {
  LEADERBOARD_VIEW,
  LIMITS,
  limitBurst,
  type ParsedRpcError,
  parseAuthError,
  REPLAY_GET,
  retryAfterSeconds,
  SESSION_CHECK,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { ownStack } from "./own-stack";

// The rate limits as `npm start` runs them (local.yml's defaults, not the raised ones other
// test stacks get). Every request carries an X-Forwarded-For: Nakama takes the client's
// address from it (server/api.go extractClientAddress, socket.proxy_count 1), as it would
// from the proxy in front of a deployment, so each test counts against addresses of its own.
const stack = ownStack({ name: "rate-limits", limits: "defaults" });
const basic = `Basic ${Buffer.from("defaultkey:").toString("base64")}`;

let nextAddress = 1;
/** A fresh client address (TEST-NET-3) for one test. */
const newAddress = () => `203.0.113.${nextAddress++}`;

interface Answer {
  status: number;
  error: ParsedRpcError;
  json: { token?: string } & Record<string, unknown>;
}

async function post(path: string, body: unknown, from: string, auth = basic): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${stack().port}${path}`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Answer["json"];
  return { status: res.status, json, error: parseAuthError(json) };
}

const device = (id: string, from: string, create = true) =>
  post(`/v2/account/authenticate/device?create=${create}`, { id }, from);
const rpc = (id: string, token: string, from: string, body: unknown = {}) =>
  post(`/v2/rpc/${id}`, JSON.stringify(body), from, `Bearer ${token}`);

async function signUp(from: string) {
  const res = await device(randomUUID(), from);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return String(res.json.token);
}

function expectRateLimited(res: Answer, limit: RegExp) {
  expect(res.status, JSON.stringify(res.json)).toBe(429);
  expect(res.error).toMatchObject({ reason: "rate_limited", code: 8 });
  expect(res.error.detail).toMatch(limit);
  const wait = retryAfterSeconds(res.error.detail);
  expect(wait).toBeGreaterThanOrEqual(1);
}

/** Requests a limit lets through a second (count / window). */
const perSecond = (name: keyof typeof LIMITS) => LIMITS[name].default / LIMITS[name].windowSec;

/**
 * Sends until the limit refuses, and checks what the limiter promises whatever the machine's
 * speed: at least `burst` get through, and at most `burst` plus what refilled at `rate` a
 * second while the requests ran (a loaded machine makes a run slower, never the count wrong).
 * `ok` is what an allowed request answers. Returns how many got through.
 */
async function untilRefused(
  send: () => Promise<Answer>,
  {
    burst,
    rate,
    limit,
    ok = [200],
    since = performance.now(),
  }: {
    burst: number;
    rate: number;
    limit: RegExp;
    ok?: number[];
    /** When the bucket held `burst` (performance.now()); refills count from then. */
    since?: number;
  },
): Promise<number> {
  const started = since;
  const refilled = () => Math.ceil(((performance.now() - started) / 1000) * rate);
  let allowed = 0;
  for (;;) {
    const res = await send();
    if (res.status === 429) {
      expectRateLimited(res, limit);
      break;
    }
    expect(ok, JSON.stringify(res.json)).toContain(res.status);
    allowed++;
    expect(allowed, "more got through than the burst and the refill").toBeLessThanOrEqual(
      burst + refilled(),
    );
  }
  expect(allowed).toBeGreaterThanOrEqual(burst);
  return allowed;
}

describe("guest sign-ups per address (SIGN_UPS_PER_HOUR)", () => {
  it("a burst from one address meets the limit with a 429 saying when to retry; known players and other addresses still sign in", async () => {
    const from = newAddress();
    const ids: string[] = [];
    for (let i = 0; i < LIMITS.SIGN_UPS_PER_HOUR.default; i++) {
      const id = randomUUID();
      const res = await device(id, from);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      ids.push(id);
    }
    const over = await device(randomUUID(), from);
    expectRateLimited(over, /at most 20 new accounts an hour from one address; retry in \d+ s$/);
    // A full hour's budget refills at one sign-up per 3 minutes.
    expect(retryAfterSeconds(over.error.detail)).toBeLessThanOrEqual(180);
    // A returning player behind the same address is not a sign-up.
    expect((await device(ids[0] as string, from)).status).toBe(200);
    expect((await device(randomUUID(), newAddress())).status).toBe(200);
  });
});

describe("password checks per address and per email (PASSWORD_CHECKS_PER_MINUTE)", () => {
  it("bcrypt (cost 13, ~1 s of CPU) runs at most 6 times a minute, 2 at once, for one email and from one address", async () => {
    expect(LIMITS.PASSWORD_CHECKS_PER_MINUTE.default).toBe(6);
    const atOnce = limitBurst("PASSWORD_CHECKS_PER_MINUTE", 6);
    expect(atOnce).toBe(2);
    const email = `p${randomUUID().slice(0, 8)}@example.com`;
    const emailSignIn = (from: string, address = email) =>
      post(
        "/v2/account/authenticate/email?create=false",
        { email: address, password: "wrong-password-1" },
        from,
      );
    const signUpAt = performance.now();
    const up = await post(
      "/v2/account/authenticate/email?create=true",
      { email, password: "right-password-1" },
      newAddress(),
    );
    expect(up.status, JSON.stringify(up.json)).toBe(200);
    const from = newAddress();
    const rate = perSecond("PASSWORD_CHECKS_PER_MINUTE");
    // The sign-up was the email's first check: one wrong password reaches bcrypt (more if
    // the email's bucket refilled since). The email's limit is checked first, so the address
    // is charged only for the checks that ran.
    const firstAt = performance.now();
    const fromSpent = await untilRefused(() => emailSignIn(from), {
      burst: atOnce - 1,
      since: signUpAt,
      rate,
      limit: /at most 6 password checks a minute for one email/,
      ok: [401],
    });
    await untilRefused(() => emailSignIn(newAddress()), {
      burst: 0,
      rate,
      limit: /email sign-in: at most 6 password checks a minute for one email/,
      ok: [401],
    });
    // The address has what it didn't spend left, whatever the email; then it is refused.
    await untilRefused(() => emailSignIn(from, `q${randomUUID().slice(0, 8)}@example.com`), {
      burst: Math.max(0, atOnce - fromSpent),
      since: firstAt,
      rate,
      limit: /at most 6 password checks a minute from one address/,
      ok: [404],
    });
  });
});

describe("sign-ins per address (SIGN_INS_PER_MINUTE)", () => {
  it("the 31st sign-in of a minute from one address is refused", async () => {
    const from = newAddress();
    const id = randomUUID();
    await untilRefused(() => device(id, from), {
      burst: LIMITS.SIGN_INS_PER_MINUTE.default,
      rate: perSecond("SIGN_INS_PER_MINUTE"),
      limit: /at most 30 sign-ins a minute from one address/,
    });
  });
});

const CALLS_BURST = limitBurst("CALLS_PER_MINUTE", LIMITS.CALLS_PER_MINUTE.default);
const READS_BURST = limitBurst("READS_PER_MINUTE", LIMITS.READS_PER_MINUTE.default);

describe("calls per player (CALLS_PER_MINUTE)", () => {
  it("past a burst of 20, a player's RPCs are refused, from any address, before the payload is read", async () => {
    expect(CALLS_BURST).toBe(20);
    const token = await signUp(newAddress());
    const rate = perSecond("CALLS_PER_MINUTE");
    await untilRefused(() => rpc(SESSION_CHECK, token, newAddress()), {
      burst: CALLS_BURST,
      rate,
      limit: /session_check: at most 60 requests a minute per player/,
    });
    // Not even parsed: a payload that is not JSON gets the same 429, not a 400 (a 400 only
    // for what refilled meanwhile).
    await untilRefused(
      () => post(`/v2/rpc/${SESSION_CHECK}`, "{not json", newAddress(), `Bearer ${token}`),
      {
        burst: 0,
        rate,
        limit: /session_check: at most 60 requests a minute per player/,
        ok: [400],
      },
    );
    // Another player is not affected.
    expect((await rpc(SESSION_CHECK, await signUp(newAddress()), newAddress())).status).toBe(200);
  });

  it("an account update counts against the same budget", async () => {
    const token = await signUp(newAddress());
    const rate = perSecond("CALLS_PER_MINUTE");
    await untilRefused(() => rpc(SESSION_CHECK, token, newAddress()), {
      burst: CALLS_BURST,
      rate,
      limit: /session_check: at most 60 requests a minute per player/,
    });
    const update = async (): Promise<Answer> => {
      const res = await fetch(`http://127.0.0.1:${stack().port}/v2/account`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ display_name: "Limited" }),
      });
      const json = (await res.json().catch(() => ({}))) as Answer["json"];
      return { status: res.status, json, error: parseAuthError(json) };
    };
    await untilRefused(update, { burst: 0, rate, limit: /account update: at most 60/ });
  });
});

describe("board and replay reads per address (READS_PER_MINUTE)", () => {
  it("fresh guests behind one address share its reads: a burst of 40, then 2 a second", async () => {
    expect(READS_BURST).toBe(40);
    const from = newAddress();
    // Five guests in turn, each under its own player budget, all at the address's.
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => signUp(newAddress())));
    let i = 0;
    const read = () => {
      const token = tokens[i % tokens.length] as string;
      i++;
      return i % 2 === 0
        ? rpc(LEADERBOARD_VIEW, token, from)
        : rpc(REPLAY_GET, token, from, { owner_id: randomUUID() });
    };
    await untilRefused(read, {
      burst: READS_BURST,
      rate: perSecond("READS_PER_MINUTE"),
      limit:
        /(replay_get|leaderboard_view): at most 120 board and replay views a minute from one address/,
      ok: [200, 404],
    });
    const token = tokens[0] as string;
    expect((await rpc(LEADERBOARD_VIEW, token, newAddress())).status).toBe(200);
  });
});
