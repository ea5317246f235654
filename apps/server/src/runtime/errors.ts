import { type ErrorReason, formatErrorMessage, NakamaCode, reasonCode } from "@gift-grab/contracts";

/** What Nakama turns into an error response: `code` picks the HTTP status. */
export interface RuntimeError {
  message: string;
  code: number;
}

export function rpcError(reason: ErrorReason, detail: string): RuntimeError {
  return { message: formatErrorMessage(reason, detail), code: reasonCode[reason] };
}

export function isRuntimeError(value: unknown): value is RuntimeError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as RuntimeError).message === "string" &&
    typeof (value as RuntimeError).code === "number" &&
    (value as RuntimeError).code !== NakamaCode.INTERNAL
  );
}
