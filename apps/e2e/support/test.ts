import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Playwright's `test`, closing every browser context a test opened when it ends, whether it
 * passed, failed or forgot. A worker's browser outlives its tests: a context left open kept
 * its page drawing frames and reconnecting to a stack already gone, for the rest of
 * the worker's run, on the same two cores as the tests after it. Specs import `test` from here
 * (biome refuses `test` from "@playwright/test" in tests/).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: Playwright types a fixture with no value as void.
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      // Closing goes through Playwright's own hook, which still takes a failed test's screenshots.
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
});
