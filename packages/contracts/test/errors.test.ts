import { describe, expect, it } from "vitest";
import { formatErrorMessage, NakamaCode, parseRpcError, reasonCode } from "../src/errors";

describe("error wire format", () => {
  it("round-trips a reason through Nakama's { code, message } body", () => {
    const message = formatErrorMessage("invalid_payload", 'session_check: unknown field "x"');
    expect(parseRpcError({ code: reasonCode.invalid_payload, message })).toEqual({
      reason: "invalid_payload",
      detail: 'session_check: unknown field "x"',
      code: NakamaCode.INVALID_ARGUMENT,
    });
  });

  it("reads Nakama's own errors (no reason prefix) as unknown, keeping the message", () => {
    expect(parseRpcError({ code: 16, message: "Auth token invalid" })).toEqual({
      reason: "unknown",
      detail: "Auth token invalid",
      code: 16,
    });
  });

  it("survives a body that is not an error at all", () => {
    expect(parseRpcError(null)).toEqual({
      reason: "unknown",
      detail: "",
      code: NakamaCode.INTERNAL,
    });
    expect(parseRpcError("oops")).toMatchObject({ reason: "unknown" });
  });

  it("gives every reason a Nakama code that is not a 500, except internal", () => {
    for (const [reason, code] of Object.entries(reasonCode)) {
      if (reason === "internal") expect(code).toBe(13);
      else expect(code).not.toBe(13);
    }
  });
});
