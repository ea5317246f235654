import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

/**
 * Debian's Chromium (Playwright can't download its own browser on these machines), or
 * CHROMIUM_PATH, started at a lower CPU priority than the server it tests (the script says why).
 */
const chromium = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "support/nice-chromium.sh",
);

export default defineConfig({
  testDir: "tests",
  outputDir: "artifacts/results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Spec files run four at a time on the 2-core machines, each test in its file's order. With
  // the trace's screencast off (below) the browsers leave the cores idle while tests wait on
  // real time (token lifetimes, countdowns, rounds on the server's clock): a third worker took
  // a suite from 194 to 169 s, and a fourth, with screens.spec's tests on workers of their own,
  // 282 to 245 s (the cores ~88 % busy; Chromium runs at nice 10, below the server it tests).
  // Files are independent: each test signs up its own players, and a file that needs another
  // server policy, round length or token lifetime, or restarts Nakama, starts a stack of its own.
  fullyParallel: false,
  workers: 4,
  retries: 0,
  globalSetup: "./support/global-setup.ts",
  reporter: [["list"], ["json", { outputFile: ".reports/e2e.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    headless: true,
    // With no GPU every frame is filled on the CPU (Canvas 2D, and the compositor), 30 times a
    // second in the test build (apps/game/test-entry/frame-rate.ts), and that is where the
    // suite's time goes: a test that is not about a screen size
    // runs in a small desktop window (960×540 costs ~30 % less a frame than 1280×720). The
    // sizes people use are screens.spec's and round-start.spec's, set per test.
    viewport: { width: 960, height: 540 },
    screenshot: "only-on-failure",
    // A failing test keeps its trace's action log, console and network, and a screenshot; the
    // trace's own screencast and DOM snapshots are off: recording them cost ~40 % of the suite's
    // time (every frame JPEG-encoded in the browser and shipped to the runner; issue 16).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
      ],
    },
  },
});
