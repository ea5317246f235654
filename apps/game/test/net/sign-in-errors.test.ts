import { ErrorReason, SignUp } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { reasonMessages, unreachableMessage } from "../../src/net/messages";
import { toSignInFailure, validationFailure } from "../../src/net/session/sign-in-errors";
import { SignInFailure } from "../../src/net/types";

const answer = (status: number, code: number, message: string) =>
  new Response(JSON.stringify({ code, message }), { status });

describe("sign-in failures", () => {
  it.each([
    // Nakama's own answers, as the contracts map them.
    [answer(401, 16, "Invalid credentials."), "wrong_password"],
    [answer(404, 5, "User account not found."), "account_not_found"],
    [answer(409, 6, "Username is already in use."), "username_taken"],
    [answer(409, 6, "Email is already in use."), "email_taken"],
    // Our hooks' typed reasons.
    [answer(409, 6, "email_taken: an account with this email exists"), "email_taken"],
    [answer(409, 10, "already_playing: a socket of this user is live"), "already_playing"],
    [answer(401, 16, "login_expired: signed in too long ago"), "session_ended"],
  ] as const)("maps %# to %s with the message from messages.ts", async (res, kind) => {
    const failure = await toSignInFailure(res);
    expect(failure).toBeInstanceOf(SignInFailure);
    expect(failure.kind).toBe(kind);
    expect(failure.message.length).toBeGreaterThan(10);
  });

  it("says the server is unreachable when no answer came (fetch failed, timeout)", async () => {
    for (const err of [
      new TypeError("Failed to fetch"),
      new DOMException("timed out", "TimeoutError"),
    ]) {
      const failure = await toSignInFailure(err);
      expect(failure.kind).toBe("unreachable");
      expect(failure.message).toBe(unreachableMessage);
    }
  });

  it("names what a refused sign-up field needs, before any request", () => {
    const bad = SignUp.safeParse({
      email: "x@y.example.org",
      password: "short",
      username: "ok_name",
    });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    const failure = validationFailure(bad.error);
    expect(failure.kind).toBe("invalid_input");
    expect(failure.message).toMatch(/8 to 72 characters/);
  });

  it("names every refused field at once, and the email rule as the server's", () => {
    const bad = SignUp.safeParse({ email: "a@b.io", password: "short", username: "No!" });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    const failure = validationFailure(bad.error);
    expect(failure.fields).toEqual(["email", "password", "username"]);
    expect(failure.message).toMatch(/at least 10 characters \(the game server's rule\)/);
    expect(failure.message).toMatch(/8 to 72 characters/);
    expect(failure.message).toMatch(/Usernames are 3–20 characters/);
  });

  it("refuses a password bcrypt can't hold (over 72 bytes of UTF-8) with the same help", () => {
    for (const password of ["a".repeat(73), "é".repeat(37)]) {
      const bad = SignUp.safeParse({ email: "x@y.example.org", password, username: "ok_name" });
      expect(bad.success).toBe(false);
      if (bad.success) return;
      expect(validationFailure(bad.error).message).toMatch(/8 to 72 characters/);
    }
    expect(
      SignUp.safeParse({ email: "x@y.example.org", password: "é".repeat(36), username: "ok_name" })
        .success,
    ).toBe(true);
  });

  it("has a message for every reason the contracts define", () => {
    for (const reason of ErrorReason.options) {
      expect(reasonMessages[reason], reason).toMatch(/\w/);
    }
  });
});
