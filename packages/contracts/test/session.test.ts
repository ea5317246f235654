import { describe, expect, it } from "vitest";
import {
  ClientSessionVars,
  CustomId,
  clientSessionVars,
  DeviceId,
  DisplayName,
  decodeSessionClaims,
  decodeSessionToken,
  describeIssues,
  LinkEmail,
  PASSWORD_TOO_LONG,
  parseAuthError,
  parseSessionEnded,
  reasonCode,
  SESSION_ENDED_CODE,
  SESSION_ENDED_SUBJECT,
  SessionTokenError,
  SignIn,
  SignUp,
  utf8ByteLength,
} from "../src";

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const jwt = (payload: object) =>
  `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.sig`;

const vars = {
  lid: "2b5c1f3e-8a4d-4b6e-9f0a-1c2d3e4f5a6b",
  rid: "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
  login_at: "1763900000",
  client: "web-1.0",
};
const claims = {
  tid: "0f1e2d3c-4b5a-4968-8776-655443322110",
  uid: "11111111-2222-4333-8444-555555555555",
  usn: "santa",
  vrs: vars,
  exp: 1763900900,
  iat: 1763900000,
};

/** A username that makes the payload's base64 hold both '-' and '_' (as real tokens do). */
function urlUnsafePayload() {
  for (let i = 0; i < 5000; i++) {
    const pad = "x".repeat(i % 3);
    const payload = {
      ...claims,
      usn: `s\u00e9nta${pad}???>>>${"x".repeat((i >> 2) % 3)}>>>???${i}`,
    };
    const seg = b64url(JSON.stringify(payload));
    if (seg.includes("-") && seg.includes("_")) return payload;
  }
  throw new Error("no payload found");
}

describe("decodeSessionToken", () => {
  it("decodes a payload whose base64 holds '-' and '_' (where atob fails)", () => {
    const payload = urlUnsafePayload();
    const token = jwt(payload);
    // What nakama-js 2.8 does: atob on the raw segment.
    expect(() => JSON.parse(atob(token.split(".")[1] ?? ""))).toThrow();
    const data = decodeSessionToken(token);
    expect(data.usn).toBe(payload.usn);
    expect(data.vrs).toEqual(vars);
    expect(data).toMatchObject({
      tid: claims.tid,
      uid: claims.uid,
      exp: claims.exp,
      iat: claims.iat,
    });
  });

  it("refuses a token without our server-set vars, or with extra vars", () => {
    expect(() => decodeSessionToken(jwt({ ...claims, vrs: undefined }))).toThrow(SessionTokenError);
    expect(() => decodeSessionToken(jwt({ ...claims, vrs: { ...vars, admin: "1" } }))).toThrow(
      SessionTokenError,
    );
    // ...while the raw claims still read.
    expect(decodeSessionClaims(jwt({ ...claims, vrs: { admin: "1" } })).vrs).toEqual({
      admin: "1",
    });
  });

  it.each(["", "abc", "a.b", "a.!!!.c", `a.${b64url("not json")}.c`])("refuses %j", (t) => {
    expect(() => decodeSessionToken(t)).toThrow(SessionTokenError);
  });
});

describe("client vars and credentials", () => {
  it("builds the vars a client may send", () => {
    expect(clientSessionVars({ client: "web-1.0", takeover: true })).toEqual({
      client: "web-1.0",
      takeover: "1",
    });
    expect(ClientSessionVars.safeParse({ client: "WEB 1" }).success).toBe(false);
    expect(ClientSessionVars.safeParse({ login_at: "1" }).success).toBe(false);
  });

  it("checks sign-up fields", () => {
    const ok = { email: "player@example.com", password: "12345678", username: "santa_1" };
    expect(SignUp.safeParse(ok).success).toBe(true);
    expect(SignUp.safeParse({ ...ok, password: "short" }).success).toBe(false);
    expect(SignUp.safeParse({ ...ok, username: "Santa" }).success).toBe(false);
    expect(SignUp.safeParse({ ...ok, username: "ab" }).success).toBe(false);
    expect(SignUp.safeParse({ ...ok, username: "a".repeat(21) }).success).toBe(false);
  });

  it("lets a sign-up leave the username out (the server generates one), but not send an empty one", () => {
    expect(SignUp.safeParse({ email: "player@example.com", password: "12345678" }).success).toBe(
      true,
    );
    expect(
      SignUp.safeParse({ email: "player@example.com", password: "12345678", username: "" }).success,
    ).toBe(false);
  });
});

describe("passwords bcrypt can hold", () => {
  it("counts UTF-8 bytes like TextEncoder, surrogate pairs as 4", () => {
    for (const s of ["", "abc", "é", "€", "🎁", "a🎁é€", "\ud800x", "x\udc00", "\ud83c"]) {
      expect(utf8ByteLength(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it("limits sign-up, sign-in and save-progress passwords to 72 bytes, with the rule as the message", () => {
    const email = "player@example.com";
    for (const schema of [SignUp, SignIn, LinkEmail]) {
      expect(schema.safeParse({ email, password: "a".repeat(72) }).success).toBe(true);
      expect(schema.safeParse({ email, password: "é".repeat(36) }).success).toBe(true);
      for (const password of ["a".repeat(73), "é".repeat(37), "🎁".repeat(19)]) {
        const parsed = schema.safeParse({ email, password });
        expect(parsed.success).toBe(false);
        if (!parsed.success) {
          expect(describeIssues(parsed.error)).toBe(`password: ${PASSWORD_TOO_LONG}`);
        }
      }
    }
  });
});

describe("refresh_superseded", () => {
  it("is a 409 (code 10, ABORTED): a race, not a revocation", () => {
    expect(reasonCode.refresh_superseded).toBe(10);
  });
});

describe("parseAuthError", () => {
  it.each([
    [{ code: 16, message: "Invalid credentials." }, "wrong_password"],
    [{ code: 5, message: "User account not found." }, "account_not_found"],
    [{ code: 6, message: "Username is already in use." }, "username_taken"],
    [{ code: 6, message: "Email is already in use." }, "email_taken"],
    [{ code: 6, message: "email_taken: player@example.com has an account" }, "email_taken"],
    [{ code: 16, message: "Auth token invalid" }, "unauthenticated"],
    [{ code: 13, message: "boom" }, "unknown"],
  ])("%j → %s", (body, reason) => {
    expect(parseAuthError(body).reason).toBe(reason);
  });
});

describe("parseSessionEnded", () => {
  it("reads our notification, string or object content", () => {
    const content = { reason: "signed_in_elsewhere", at: 1, client: "web-1.0" };
    const n = { code: SESSION_ENDED_CODE, subject: SESSION_ENDED_SUBJECT };
    expect(parseSessionEnded({ ...n, content })).toEqual(content);
    expect(parseSessionEnded({ ...n, content: JSON.stringify(content) })).toEqual(content);
    expect(parseSessionEnded({ ...n, code: -7, content })).toBeUndefined();
    expect(parseSessionEnded({ ...n, content: { reason: "other", at: 1 } })).toBeUndefined();
  });
});

describe("device and custom ids follow Nakama's own rules", () => {
  it("10–128 bytes (device), 6–128 (custom), no spaces or control characters", () => {
    expect(DeviceId.safeParse("0123456789").success).toBe(true);
    expect(DeviceId.safeParse("012345678").success).toBe(false);
    expect(DeviceId.safeParse("x".repeat(129)).success).toBe(false);
    expect(DeviceId.safeParse("é".repeat(65)).success).toBe(false); // 130 bytes
    expect(CustomId.safeParse("abcdef").success).toBe(true);
    expect(CustomId.safeParse("abcde").success).toBe(false);
    for (const bad of ["abc def ghij", "abcdefghij\u0000", "\tabcdefghij", ""]) {
      expect(DeviceId.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("display names", () => {
  it("take words, digits, spaces, ' and - (2–24 characters), ending in a letter or digit", () => {
    for (const ok of ["Jolly Elf 42", "Zoë", "O'Neil", "Mary-Jane", "ab", "x".repeat(24)]) {
      expect(DisplayName.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      "",
      "a",
      " Jolly",
      "Jolly ",
      "x".repeat(25),
      "<script>",
      "a\u0000b",
      "Santa 🎅",
      "-dash",
    ]) {
      expect(DisplayName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
