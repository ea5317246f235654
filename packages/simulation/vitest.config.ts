import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pure CPU work (pinned.test replays 200 rounds): on 2 cores shared with Nakama, browsers
    // and clones under npm test, it took 7 s once against vitest's default 5 s limit. The
    // tests assert results, never time.
    testTimeout: 60_000,
  },
});
