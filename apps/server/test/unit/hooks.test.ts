import { randomUUID } from "node:crypto";
import { parseRpcError, sessionCheck } from "@gift-grab/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIM_STALE_MS, claimEmail, releaseEmail } from "../../src/accounts/email-claims";
import { callHook } from "../../src/runtime/call-hook";
import {
  assertNoControlCharactersInJson,
  controlCharacterField,
} from "../../src/runtime/control-chars";
import { dispatchRpc } from "../../src/runtime/dispatch-rpc";
import { defineHandler } from "../../src/runtime/handle-rpc";
import { fakeStorage } from "./fake-storage";

const logged: string[] = [];
const logger = {
  warn: (...a: unknown[]) => logged.push(a.map(String).join(" ")),
  error: (...a: unknown[]) => logged.push(a.map(String).join(" ")),
  info() {},
  debug() {},
} as unknown as nkruntime.Logger;
const ctx = {} as nkruntime.Context;
/** nk.localcache is where the rate limits keep their counts (limits/rate.ts). */
const cache = new Map<string, unknown>();
const nk = {
  localcacheGet: (k: string) => cache.get(k) ?? null,
  localcachePut: (k: string, v: unknown) => void cache.set(k, v),
} as unknown as nkruntime.Nakama;

describe("controlCharacterField", () => {
  it("names the first string (value or key) holding C0 or DEL, anywhere in the input", () => {
    expect(controlCharacterField({ a: "ok", b: ["x", { c: "tab\there" }] })).toBe("b.1.c");
    expect(controlCharacterField({ ticket: "abc\u0000" })).toBe("ticket");
    expect(controlCharacterField({ account: { vars: { client: "\u007f" } } })).toBe(
      "account.vars.client",
    );
    expect(controlCharacterField({ "k\u0001": 1 })).toBe('"k\\u0001"');
    expect(controlCharacterField("\u001f")).toBe("payload");
  });

  it("lets printable text through, including non-ASCII, and survives deep nesting", () => {
    expect(controlCharacterField({ name: "Zoë 🎁 \u0080 \u00a0", n: 1, b: true, z: null })).toBe(
      undefined,
    );
    let deep: unknown = "end\u0000";
    for (let i = 0; i < 20000; i++) deep = [deep];
    expect(controlCharacterField(deep)).toMatch(/^0(\.0)*$/);
  });
});

describe("assertNoControlCharactersInJson (the RPC payload's check)", () => {
  const refusal = (json: string) => {
    try {
      assertNoControlCharactersInJson("rpc", json, JSON.parse(json));
      return undefined;
    } catch (err) {
      return (err as { message: string }).message;
    }
  };

  it("refuses a control character however the JSON spells it, naming the field", () => {
    expect(refusal('{"a":{"b":["x","tab\\there"]}}')).toMatch(/^invalid_payload: rpc: a\.b\.1:/);
    expect(refusal('{"t":"\\u0000"}')).toMatch(/: t: control characters/);
    expect(refusal('{"t":"\u007f"}')).toMatch(/: t: control characters/);
    expect(refusal('{"k\\u001f":1}')).toMatch(/control characters/);
    expect(refusal('{"t":"\\u00e9 \\" \\\\","n":[[1,2,3]]}')).toBeUndefined();
    expect(refusal('{"inputs":[[1800,100,-100]],"ticket":"abc"}')).toBeUndefined();
  });

  it("agrees with the walk for any value, as JSON.stringify writes it", () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary" }), (value) => {
        const json = JSON.stringify(value);
        expect(refusal(json) !== undefined).toBe(
          controlCharacterField(JSON.parse(json)) !== undefined,
        );
      }),
      { numRuns: 2000 },
    );
    // …and the values it tried did hold control characters (so both answers occurred)
    const held = fc
      .sample(fc.jsonValue({ stringUnit: "binary" }), 2000)
      .filter((v) => controlCharacterField(v) !== undefined);
    expect(held.length).toBeGreaterThan(50);
  });
});

describe("callHook: one error mapping for every hook", () => {
  const call = (hook: () => unknown, args: unknown[] = [{}]) =>
    callHook(
      { api: "AuthenticateDevice", checkedStrings: (request) => request },
      hook,
      ctx,
      logger,
      nk,
      args,
    );

  it("passes the hook's result, and its typed errors as they are", () => {
    expect(call(() => "req")).toEqual({ result: "req" });
    const typed = { message: "email_taken: taken", code: 6 };
    expect(
      call(() => {
        throw typed;
      }),
    ).toEqual({ error: typed });
  });

  it("a database that is down (Go error text, or Postgres 57P01) → unavailable, no internals", () => {
    for (const text of [
      "GoError: failed to connect to `user=postgres database=nakama`: 127.0.0.1:5432 (127.0.0.1): dial error: connect: connection refused at github.com/heroiclabs/nakama/v3/server.(*RuntimeJavascriptNakamaModule).sqlQuery",
      "GoError: FATAL: terminating connection due to administrator command (SQLSTATE 57P01)",
    ]) {
      const out = call(() => {
        throw new Error(text);
      });
      expect(out.error?.code).toBe(14);
      expect(parseRpcError(out.error).reason).toBe("unavailable");
      expect(out.error?.message).not.toMatch(/postgres|127\.0\.0\.1|5432|github|57P01|GoError/);
    }
  });

  it("anything else → a bare internal, logged", () => {
    const out = call(() => {
      throw new TypeError("x is undefined at handleRpc");
    });
    expect(parseRpcError(out.error)).toMatchObject({ reason: "internal", code: 13 });
    expect(out.error?.message).not.toContain("handleRpc");
    expect(logged.some((l) => l.includes("x is undefined"))).toBe(true);
  });

  it("refuses a control character in the request before the hook runs, naming the field", () => {
    let ran = false;
    const out = call(() => {
      ran = true;
    }, [{ account: { id: "dev\u0000ice" } }]);
    expect(ran).toBe(false);
    expect(parseRpcError(out.error)).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(out.error?.message).toContain("account.id");
  });
});

describe("one error mapping: an RPC and a hook give the same answer for the same throw", () => {
  const viaRpc = (thrown: unknown) => {
    const handler = defineHandler(sessionCheck, {
      run() {
        throw thrown;
      },
    });
    const out = dispatchRpc(
      { [sessionCheck.id]: handler.rpc },
      sessionCheck.id,
      {
        userId: "u",
      } as nkruntime.Context,
      logger,
      nk,
      "",
    );
    return out.error;
  };
  const viaHook = (thrown: unknown) =>
    callHook(
      { api: sessionCheck.id },
      () => {
        throw thrown;
      },
      ctx,
      logger,
      nk,
      [{}],
    ).error;

  it("passes a plain {message, code} as it is, whatever its code; never an Error", () => {
    const cases: [unknown, { message: string; code: number } | "internal"][] = [
      [
        { message: "email_taken: taken", code: 6, extra: "dropped" },
        { message: "email_taken: taken", code: 6 },
      ],
      [
        { message: "internal: already mapped", code: 13 },
        { message: "internal: already mapped", code: 13 },
      ],
      [Object.assign(new Error("GoError: a Go failure"), { code: 3 }), "internal"],
      [new TypeError("x is undefined"), "internal"],
      ["a string", "internal"],
      [{ message: "no code" }, "internal"],
    ];
    for (const [thrown, expected] of cases) {
      const rpc = viaRpc(thrown);
      expect(viaHook(thrown)).toEqual(rpc);
      if (expected === "internal") {
        expect(parseRpcError(rpc)).toMatchObject({ reason: "internal", code: 13 });
        expect((rpc as { message: string }).message).not.toMatch(/GoError|undefined|a string/);
      } else expect(rpc).toEqual(expected);
    }
  });
});

function claimNk() {
  const store = fakeStorage();
  const nk = { ...store, sha256Hash: (s: string) => `h(${s})` };
  return { nk: nk as unknown as nkruntime.Nakama, storage: store.objects };
}

describe("email claims (sign-ups racing with one email)", () => {
  it("one claim per email until released; other emails are independent", () => {
    const { nk } = claimNk();
    const email = `${randomUUID()}@example.com`;
    expect(claimEmail(nk, logger, email)).toBe(true);
    expect(claimEmail(nk, logger, email)).toBe(false);
    expect(claimEmail(nk, logger, `x${email}`)).toBe(true);
    releaseEmail(nk, email);
    expect(claimEmail(nk, logger, email)).toBe(true);
  });

  it("a stale or unreadable claim is taken over", () => {
    const { nk, storage } = claimNk();
    expect(claimEmail(nk, logger, "a@example.com")).toBe(true);
    for (const o of storage.values()) o.value = { claimed_ms: Date.now() - CLAIM_STALE_MS - 1 };
    expect(claimEmail(nk, logger, "a@example.com")).toBe(true);
    expect(claimEmail(nk, logger, "a@example.com")).toBe(false);
    for (const o of storage.values()) o.value = { claimed_ms: "soon" };
    expect(claimEmail(nk, logger, "a@example.com")).toBe(true);
  });
});
