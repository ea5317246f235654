import { callerError, rpcError } from "./errors";
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
    return { error: callerError(id, error, logger) };
  }
}

/**
 * A module's `runRpc`, which the generated glue calls for every RPC
 * (scripts/build-module.mjs): the registry is built on first use, once per VM, and each call
 * goes through {@link dispatchRpc}. The one setup of the game's module and the test modules.
 */
export function rpcEntry(registry: () => RpcRegistry) {
  let built: RpcRegistry | undefined;
  return (
    id: string,
    ctx: nkruntime.Context,
    logger: nkruntime.Logger,
    nk: nkruntime.Nakama,
    payload: string,
  ): RpcOutcome => {
    built ??= registry();
    return dispatchRpc(built, id, ctx, logger, nk, payload);
  };
}
