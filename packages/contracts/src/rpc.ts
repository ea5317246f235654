import type * as z from "zod/mini";

/** One RPC's contract: its id and the schemas of what goes in and what comes back. */
export interface RpcContract<
  Id extends string,
  Req extends z.ZodMiniType,
  Res extends z.ZodMiniType,
> {
  readonly id: Id;
  readonly request: Req;
  readonly response: Res;
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
