import { rpcError, unexpectedError } from "./errors";
import type { RpcRegistry } from "./registry";

export type RpcOutcome =
  | { payload: string; error?: undefined }
  | { error: unknown; payload?: undefined };

/**
 * Runs the handler registered for `id` and hands back its payload or the error it threw,
 * instead of throwing here. Nakama 3.40 copies the JS stack of a thrown error into HTTP RPC error
 * bodies ("error": {"stackTrace": …}); the generated entry point rethrows the error itself,
 * so that stack is one frame naming the entry point and no module internals reach clients.
 */
export function dispatchRpc(
  registry: RpcRegistry,
  id: string,
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  payload: string,
): RpcOutcome {
  const handler = registry[id];
  if (!handler) return { error: rpcError("internal", `${id}: no handler registered`) };
  try {
    return { payload: handler(ctx, logger, nk, payload) ?? "" };
  } catch (error) {
    if (isThrownError(error)) return { error: { message: error.message, code: error.code } };
    return { error: unexpectedError(id, error, logger) };
  }
}

function isThrownError(value: unknown): value is { message: string; code: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { message?: unknown }).message === "string" &&
    typeof (value as { code?: unknown }).code === "number"
  );
}
