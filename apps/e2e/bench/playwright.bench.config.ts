import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

/** Benchmarks: same browser and global setup as the e2e, run on their own (never in npm test). */
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.bench.ts",
  outputDir: "results/playwright",
  globalSetup: "../support/global-setup.ts",
  timeout: 180_000,
  reporter: [["list"]],
});
