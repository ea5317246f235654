import { type AnyRpc, describeIssues, type RpcResponse } from "@gift-grab/contracts";
import type * as z from "zod/mini";
import { assertNoControlCharacters } from "./control-chars";
import { isRuntimeError, rpcError, unexpectedError } from "./errors";

/** A handler's logic: validated input and the caller's user id in, the response out. */
export type RpcImpl<C extends AnyRpc> = (
  input: z.output<C["request"]>,
  userId: string,
) => RpcResponse<C>;

/**
 * The one way an RPC runs: parse and validate the payload against the contract (bad input,
 * including a control character in any string → code 3, HTTP 400, naming the field), run the handler, return its JSON. Anything
 * unexpected is logged here and leaves as a bare "internal" error, never a stack trace.
 */
export function handleRpc<C extends AnyRpc>(
  contract: C,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  payload: string,
  impl: RpcImpl<C>,
): string {
  const userId = ctx.userId;
  if (!userId) throw rpcError("unauthenticated", `${contract.id}: sign in first`);
  let raw: unknown = {};
  if (payload !== "") {
    try {
      raw = JSON.parse(payload);
    } catch {
      throw rpcError("invalid_payload", `${contract.id}: payload is not valid JSON`);
    }
  }
  assertNoControlCharacters(contract.id, raw);
  const parsed = contract.request.safeParse(raw);
  if (!parsed.success) {
    throw rpcError("invalid_payload", `${contract.id}: ${describeIssues(parsed.error)}`);
  }
  try {
    return JSON.stringify(impl(parsed.data, userId));
  } catch (err) {
    if (isRuntimeError(err)) throw err;
    throw unexpectedError(contract.id, err, logger);
  }
}
