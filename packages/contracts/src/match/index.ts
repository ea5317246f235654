export * from "./codec";
export * from "./live-round";
