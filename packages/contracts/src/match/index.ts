export * from "./codec";
export * from "./live-round";
export * from "./race";
