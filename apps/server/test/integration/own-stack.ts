// A real stack of one test file's own, for what the shared server must not have or see: a
// policy, short rounds, a restart, a stopped Postgres, rows planted with SQL.
import { startTestStack, type TestStack, type TestStackOptions } from "@gift-grab/devkit";
import { afterAll, beforeAll } from "vitest";

/** Starts the stack before the file's (or describe's) tests and stops it after them. */
export function ownStack(options: TestStackOptions): () => TestStack {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = await startTestStack(options);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error(`stack ${options.name} has not started`);
    return stack;
  };
}
