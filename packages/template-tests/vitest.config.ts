import { defineConfig } from "vitest/config";

// Three runs with their own turbo inputs (turbo.json), so each re-runs only when what it
// tests changed: the repo's files as they are (docs, CI, compose: under a second), new:rpc in
// a fresh clone, rename in a fresh clone.
const clone = {
  // The clone tests install, build and start a real Nakama inside a temp clone.
  testTimeout: 300_000,
  hookTimeout: 300_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "repo",
          include: ["test/**/*.test.ts"],
          exclude: ["test/new-rpc.test.ts", "test/rename.test.ts"],
        },
      },
      { test: { name: "new-rpc", include: ["test/new-rpc.test.ts"], ...clone } },
      { test: { name: "rename", include: ["test/rename.test.ts"], ...clone } },
    ],
  },
});
