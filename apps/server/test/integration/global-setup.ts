import { startTestStack } from "@gift-grab/devkit";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    nakama: { port: number; serverKey: string; httpKey: string; logFile: string };
  }
}

/** One real Nakama + Postgres for the integration run, on free ports in a temp folder. */
export default async function setup(project: TestProject) {
  // Raised rate limits: the files sign up hundreds of players from 127.0.0.1; the limits
  // themselves are tested on a stack of their own (rate-limits.test.ts).
  const stack = await startTestStack({ name: "integration", limits: "raised" });
  project.provide("nakama", {
    port: stack.port,
    serverKey: stack.serverKey,
    httpKey: stack.httpKey,
    logFile: stack.logFile,
  });
  return async () => {
    await stack.stop();
  };
}
