import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 30000,
          hookTimeout: 120000,
          // One real Nakama for the whole run; files run one after another against it.
          fileParallelism: false,
        },
      },
    ],
  },
});
