import type { AnyRpc } from "@gift-grab/contracts";
import type { RpcHandler } from "./handle-rpc";

/** RPC id → the function Nakama runs for it; scripts/build.mjs registers each id as a literal. */
export type RpcRegistry = Record<string, nkruntime.RpcFunction>;

type IdOf<H> = H extends RpcHandler<infer C> ? C["id"] : never;
type HandledIds<L extends readonly RpcHandler[]> = { [K in keyof L]: IdOf<L[K]> };
/** The first id that comes twice in a tuple of ids; never if none does. */
type Repeated<T extends readonly unknown[], Seen = never> = T extends readonly [infer H, ...infer R]
  ? [H] extends [Seen]
    ? H
    : Repeated<R, Seen | H>
  : never;

type Missing<Cs extends readonly AnyRpc[], L extends readonly RpcHandler[]> = Exclude<
  Cs[number]["id"],
  IdOf<L[number]>
>;
type Unknown<Cs extends readonly AnyRpc[], L extends readonly RpcHandler[]> = Exclude<
  IdOf<L[number]>,
  Cs[number]["id"]
>;

/** What is wrong with a list of handlers for these contracts, as a type that names it; never if nothing. */
type WiringFault<Cs extends readonly AnyRpc[], L extends readonly RpcHandler[]> = [
  Missing<Cs, L>,
] extends [never]
  ? [Repeated<HandledIds<L>>] extends [never]
    ? [Unknown<Cs, L>] extends [never]
      ? never
      : { "a handler for an RPC that is not among the contracts": Unknown<Cs, L> }
    : { "more than one handler for": Repeated<HandledIds<L>> }
  : { "no handler for": Missing<Cs, L> };

/**
 * The registry built from one handler per contract. A list that misses a contract, answers
 * one twice or answers one not among them does not compile; the check is repeated here for
 * callers the compiler didn't see (the build evaluates this when it reads the registry).
 */
export function rpcRegistry<
  const Cs extends readonly AnyRpc[],
  const L extends readonly RpcHandler[],
>(
  contracts: Cs,
  handlers: [WiringFault<Cs, L>] extends [never] ? L : WiringFault<Cs, L>,
): RpcRegistry {
  const registry: RpcRegistry = {};
  for (const { contract, rpc } of handlers as L) {
    if (registry[contract.id]) throw new Error(`more than one handler for ${contract.id}`);
    registry[contract.id] = rpc;
  }
  const ids = new Set(contracts.map((c) => c.id));
  for (const id of Object.keys(registry)) {
    if (!ids.has(id)) throw new Error(`a handler for ${id}, which is not among the contracts`);
  }
  for (const id of ids) if (!registry[id]) throw new Error(`no handler for ${id}`);
  return registry;
}

type RegisterMethod = {
  [K in keyof nkruntime.Initializer]: K extends `register${"Before" | "After"}${string}`
    ? K
    : never;
}[keyof nkruntime.Initializer];

/** initializer method name → the hook it registers, e.g. registerBeforeAuthenticateDevice. */
export type HookRegistry = {
  [K in RegisterMethod]?: Parameters<nkruntime.Initializer[K]>[0];
} & {
  /**
   * Nakama's matchmaker found a match (runtime_javascript_init.go parses it like a hook: a
   * top-level function): returns the authoritative match's id.
   */
  registerMatchmakerMatched?: nkruntime.MatchmakerMatchedFunction;
  /** On the server (runtime_javascript_init.go) but not in nakama-common's types. */
  registerBeforeSessionRefresh?: nkruntime.BeforeHookFunction<{
    token?: string;
    vars?: { [key: string]: string };
  }>;
  /** Also on the server but not in nakama-common 1.47's types: subscriptions and a store. */
  registerBeforeGetSubscription?: nkruntime.BeforeHookFunction<unknown>;
  registerBeforeListSubscriptions?: nkruntime.BeforeHookFunction<unknown>;
  registerBeforeValidatePurchaseFacebookInstant?: nkruntime.BeforeHookFunction<unknown>;
};

/** Realtime message name → before hook (registerRtBefore); return null to refuse and close. */
export type RtBeforeRegistry = Partial<
  Record<nkruntime.RtHookMessage, nkruntime.RtBeforeHookFunction<nkruntime.Envelope>>
>;

/**
 * Match handler name → its handler (registerMatch). scripts/build.mjs generates a global
 * function for each of the handler's seven callbacks and registers the name as a literal.
 */
// biome-ignore lint/suspicious/noExplicitAny: each handler has a state type of its own
export type MatchRegistry = Record<string, nkruntime.MatchHandler<any>>;
