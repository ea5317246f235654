/** RPC id → handler. Ids are the contracts' constants. */
export type RpcRegistry = Record<string, nkruntime.RpcFunction>;

type RegisterMethod = {
  [K in keyof nkruntime.Initializer]: K extends `register${"Before" | "After"}${string}`
    ? K
    : never;
}[keyof nkruntime.Initializer];

/** initializer method name → the hook it registers, e.g. registerBeforeAuthenticateDevice. */
export type HookRegistry = {
  [K in RegisterMethod]?: Parameters<nkruntime.Initializer[K]>[0];
} & {
  /** On the server (runtime_javascript_init.go) but not in nakama-common's types. */
  registerBeforeSessionRefresh?: nkruntime.BeforeHookFunction<{
    token?: string;
    vars?: { [key: string]: string };
  }>;
};

/** Realtime message name → before hook (registerRtBefore); return null to refuse and close. */
export type RtBeforeRegistry = Partial<
  Record<nkruntime.RtHookMessage, nkruntime.RtBeforeHookFunction<nkruntime.Envelope>>
>;
