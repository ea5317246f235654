import { describe, expect, it } from "vitest";
import { readFailure } from "../../src/net/failure";
import { toRpcFailure } from "../../src/net/rpc-client";
import { toSignInFailure } from "../../src/net/session/sign-in-errors";

const answer = (status: number, code: number, message: string) =>
  new Response(JSON.stringify({ code, message }), { status });

describe("a failed call, read once", () => {
  it("reads the server's answer by the contracts: reason, detail, code and status", async () => {
    expect(await readFailure(answer(429, 8, "rate_limited: 30 rounds a minute"))).toEqual({
      answered: true,
      status: 429,
      reason: "rate_limited",
      detail: "30 rounds a minute",
      code: 8,
    });
    // A body that is not JSON: still an answer, the server's fault.
    expect(await readFailure(new Response("<html>", { status: 502 }))).toMatchObject({
      answered: true,
      status: 502,
      reason: "unknown",
      code: 13,
    });
  });

  it("tells no answer (fetch failed, timed out) from a throw that is not the network's", async () => {
    for (const err of [new TypeError("Failed to fetch"), new DOMException("t", "TimeoutError")]) {
      expect(await readFailure(err)).toMatchObject({ answered: false, unreachable: true });
    }
    expect(await readFailure(new Error("bug"))).toEqual({
      answered: false,
      unreachable: false,
      detail: "bug",
    });
  });

  it("gives RPCs and sign-ins the same reason for the same answer", async () => {
    const refused = () => answer(409, 10, "already_playing: a socket of this user is live");
    const rpc = await toRpcFailure("live_round_create", refused());
    const signIn = await toSignInFailure(refused());
    expect(rpc.reason).toBe("already_playing");
    expect(signIn.kind).toBe("already_playing");
    expect(rpc.message).toBe(signIn.message);
  });
});
