export * from "./errors";
export * from "./game-rules";
export * from "./issues";
export * from "./leaderboard";
export * from "./rpc";
export * from "./rpcs";
export * from "./scoring";
