import type * as z from "zod/mini";
import type { RequestLimits } from "./request-limits";

/**
 * Who may call an RPC. "player": a signed-in player's session (a call without one is 401
 * `unauthenticated`). "server": only the game's own servers, with Nakama's runtime HTTP key
 * (`?http_key=` or basic auth), which Nakama runs with no user; any player's session is
 * refused with 403 `server_only` before its payload is read (docs/security.md).
 */
export type RpcCaller = "player" | "server";

/**
 * One RPC's contract: its id, the schemas of what goes in and what comes back, and what a
 * request may cost before it is parsed (request-limits.ts): the server refuses a payload
 * over `limits` before JSON.parse.
 */
export interface RpcContract<
  Id extends string,
  Req extends z.ZodMiniType,
  Res extends z.ZodMiniType,
> {
  readonly id: Id;
  readonly request: Req;
  readonly response: Res;
  readonly limits: RequestLimits;
  /** Who may call it; a player when absent. */
  readonly caller?: RpcCaller;
}

export function defineRpc<Id extends string, Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  contract: RpcContract<Id, Req, Res>,
): RpcContract<Id, Req, Res> {
  return contract;
}

// biome-ignore lint/suspicious/noExplicitAny: a contract of any shape
export type AnyRpc = RpcContract<string, any, any>;

/** Who may call `contract`. */
export function callerOf(contract: AnyRpc): RpcCaller {
  return contract.caller ?? "player";
}

export type RpcRequest<C extends AnyRpc> = z.input<C["request"]>;
export type RpcResponse<C extends AnyRpc> = z.output<C["response"]>;
