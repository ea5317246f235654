import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The clone tests install, build and start a real Nakama inside a temp clone.
    testTimeout: 300_000,
    // Two files at a time even on 2 cores (vitest's default there is one): the clone tests
    // spend much of their time waiting on child processes (git, pnpm, turbo, Nakama).
    maxWorkers: 2,
    hookTimeout: 300_000,
  },
});
