export * from "./inputs";
export * from "./params";
export * from "./public-state";
export * from "./replay";
export * from "./rng";
export * from "./round";
export * from "./rules";
export * from "./snapshot";
