import type * as z from "zod/mini";
import type { RequestLimits } from "./request-limits";

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
}

export function defineRpc<Id extends string, Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  contract: RpcContract<Id, Req, Res>,
): RpcContract<Id, Req, Res> {
  return contract;
}

// biome-ignore lint/suspicious/noExplicitAny: a contract of any shape
export type AnyRpc = RpcContract<string, any, any>;
export type RpcRequest<C extends AnyRpc> = z.input<C["request"]>;
export type RpcResponse<C extends AnyRpc> = z.output<C["response"]>;
