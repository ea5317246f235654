export * from "./errors";
export * from "./game-rules";
export * from "./issues";
export * from "./rpc";
export * from "./rpcs";
