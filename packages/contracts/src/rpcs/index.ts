import { sessionCheck } from "./session-check";

export * from "./session-check";

/** Every RPC the server registers; tests call each one to prove it reaches its own handler. */
export const allRpcs = [
  sessionCheck,
  // new:rpc inserts above this line
] as const;
