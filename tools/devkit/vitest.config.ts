import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      // The command tests run a devkit command through bootstrap.mjs: a second or two each.
      { test: { name: "unit", include: ["test/*.test.ts"], testTimeout: 30_000 } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
