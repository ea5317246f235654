export * from "./errors";
export * from "./issues";
export * from "./leaderboard";
export * from "./rpc";
export * from "./rpcs";
export * from "./scoring";
export * from "./session";
export * from "./session-errors";
