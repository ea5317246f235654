import {
  type AnyRpc,
  callerOf,
  describeIssues,
  type RpcResponse,
  requestLimitIssue,
} from "@gift-grab/contracts";
import type * as z from "zod/mini";
import { assertRpcWithinLimits } from "../limits/guards";
import { assertNoControlCharactersInJson } from "./control-chars";
import { callerError, rpcError } from "./errors";

/** Who called and with what: everything a handler's logic may use besides its input. */
export interface RpcCall {
  /** The signed-in player; "" for a server RPC (`caller: "server"`), which has none. */
  userId: string;
  ctx: nkruntime.Context;
  logger: nkruntime.Logger;
  nk: nkruntime.Nakama;
}

/** A handler's logic: the input validated against its contract in, the contract's response out. */
export interface RpcImpl<C extends AnyRpc> {
  readonly run: (input: z.output<C["request"]>, call: RpcCall) => RpcResponse<C>;
}

/** An RPC handler: the contract it answers and the function Nakama runs for it. */
export interface RpcHandler<C extends AnyRpc = AnyRpc> {
  readonly contract: C;
  readonly rpc: nkruntime.RpcFunction;
}

/**
 * A handler built from its contract: its logic is typed by that contract, and the registry
 * takes its id from it (runtime/registry.ts), so no id is paired with a handler by hand.
 */
export function defineHandler<C extends AnyRpc>(contract: C, impl: RpcImpl<C>): RpcHandler<C> {
  return {
    contract,
    rpc: (ctx, logger, nk, payload) => handleRpc(contract, ctx, logger, nk, payload, impl),
  };
}

/**
 * The one way an RPC runs: check the caller (below), hold the payload to the contract's
 * limits before reading it (length, then nesting: requestLimitIssue), parse and validate it
 * against the contract (bad input, including a control character in any string → code 3,
 * HTTP 400, naming the field), run the handler, return its JSON. Anything unexpected is
 * logged here and leaves as a bare "internal" error, never a stack trace.
 *
 * The caller: a player's RPC needs a signed-in user (401 without) and spends the player's
 * budget. A server RPC (`caller: "server"`) needs Nakama's runtime HTTP key, the one way
 * Nakama runs an RPC with no user (api_rpc.go: a token sets the user, a request with neither
 * is refused before the runtime); a player's session is refused with 403 `server_only`
 * before anything else is read. It spends no player's budget: the key is the game's own.
 */
function handleRpc<C extends AnyRpc>(
  contract: C,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  payload: string,
  impl: RpcImpl<C>,
): string {
  const userId = ctx.userId ?? "";
  if (callerOf(contract) === "server") {
    if (userId) {
      throw rpcError("server_only", `${contract.id}: only the game's servers may call this`);
    }
  } else {
    if (!userId) throw rpcError("unauthenticated", `${contract.id}: sign in first`);
    // Cheap before expensive: the rate limits, then the contract's size and nesting, before
    // the payload is parsed.
    assertRpcWithinLimits(contract.id, ctx, nk);
  }
  const overLimit = requestLimitIssue(payload, contract.limits);
  if (overLimit) throw rpcError("invalid_payload", `${contract.id}: ${overLimit}`);
  let raw: unknown = {};
  if (payload !== "") {
    try {
      raw = JSON.parse(payload);
    } catch {
      throw rpcError("invalid_payload", `${contract.id}: payload is not valid JSON`);
    }
  }
  assertNoControlCharactersInJson(contract.id, payload, raw);
  const parsed = contract.request.safeParse(raw);
  if (!parsed.success) {
    throw rpcError("invalid_payload", `${contract.id}: ${describeIssues(parsed.error)}`);
  }
  try {
    return JSON.stringify(impl.run(parsed.data, { userId, ctx, logger, nk }));
  } catch (err) {
    throw callerError(contract.id, err, logger);
  }
}
