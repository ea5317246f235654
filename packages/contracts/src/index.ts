export * from "./errors";
export * from "./issues";
export * from "./leaderboard";
export * from "./round-storage";
export * from "./rpc";
export * from "./rpcs";
export * from "./session";
export * from "./session-errors";
