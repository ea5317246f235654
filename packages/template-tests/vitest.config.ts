import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The clone tests install, build and start a real Nakama inside a temp clone.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
