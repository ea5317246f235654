import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The test build's window API stays in test-probe/: the product only emits its own events. */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

function productSources(): string[] {
  return fs
    .readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter(
      (f) =>
        f.endsWith(".ts") &&
        !f.startsWith("test-probe") &&
        f !== "main.ts" &&
        f !== "test-api-types.ts",
    );
}

describe("the test probe", () => {
  it("is reached only from main.ts, and no product module speaks to tests", () => {
    const offenders = productSources().filter((f) =>
      /test-probe|__giftGrab|ToTests\b/.test(fs.readFileSync(path.join(src, f), "utf8")),
    );
    expect(productSources().length).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
    const main = fs.readFileSync(path.join(src, "main.ts"), "utf8");
    expect(main).toMatch(
      /import\.meta\.env\.MODE === "test"[\s\S]*import\("\.\/test-probe\/install"\)/,
    );
  });
});
