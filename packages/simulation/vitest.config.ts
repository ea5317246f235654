import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The pinned runs are fixed CPU work (~1 s alone); vitest's 5 s default failed them
    // when the renamed clone's suite shared 2 cores with the integration files. A timeout
    // here guards against a hang, not against slowness: speed is the bench's job.
    testTimeout: 60_000,
  },
});
