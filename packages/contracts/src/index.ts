export * from "./errors";
export * from "./issues";
export * from "./rpc";
export * from "./rpcs";
