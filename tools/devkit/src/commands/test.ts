// npm test: set up what is missing, then lint and typecheck, unit and integration (real
// Nakama) side by side, and e2e (real Nakama + Debian's Chromium). Every stage runs even if an
// earlier one failed, and the run ends with one line summing all suites: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { log } from "../log";
import { cacheDir, repoRoot, workspaceBin } from "../paths";
import { setup } from "../setup";

/** Every workspace package folder (the globs of pnpm-workspace.yaml: apps/*, packages/*, tools/*). */
const workspaces = ["apps", "packages", "tools"]
  .flatMap((group) => {
    const dir = path.join(repoRoot, group);
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(group, name)) : [];
  })
  .filter((ws) => fs.existsSync(path.join(repoRoot, ws, "package.json")));

const stages: { name: string; tasks: string[]; checks?: boolean }[] = [
  { name: "lint + typecheck", tasks: ["lint", "//#lint:root", "typecheck"], checks: true },
  // One turbo run for all: the unit stage's long pole (template-tests' clones: installs and
  // builds) is CPU work while the integration suites mostly wait on a real Nakama's clock, so
  // on 2 cores they overlap; one run also builds each package once for all.
  {
    name: "unit + integration",
    tasks: ["test", "test:integration", "test:new-rpc", "test:rename"],
  },
  { name: "e2e", tasks: ["e2e"] },
];

// --continue: one failing task must not hide the others' results. The cache lives outside
// the repo so fresh clones (CI) reuse it for packages whose inputs did not change.
const turboFlags = [
  "--continue",
  "--output-logs=new-only",
  "--log-order=grouped",
  `--cache-dir=${path.join(cacheDir, "turbo")}`,
];

/** Test counts from the JSON reports vitest and Playwright wrote. */
function countReports() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const ws of workspaces) {
    const dir = path.join(repoRoot, ws, ".reports");
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir)) {
      const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      if (report.stats && "expected" in report.stats) {
        counts.passed += report.stats.expected + report.stats.flaky;
        counts.failed += report.stats.unexpected;
        counts.skipped += report.stats.skipped;
      } else {
        counts.passed += report.numPassedTests ?? 0;
        counts.failed += report.numFailedTests ?? 0;
        counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      }
    }
  }
  return counts;
}

export async function main() {
  const started = Date.now();
  await setup({ withBrowser: true });
  for (const ws of workspaces)
    fs.rmSync(path.join(repoRoot, ws, ".reports"), { recursive: true, force: true });

  const results = [];
  for (const stage of stages) {
    log.step(`${stage.name}…`);
    const t0 = Date.now();
    const r = spawnSync(workspaceBin("turbo"), ["run", ...stage.tasks, ...turboFlags], {
      cwd: repoRoot,
      stdio: "inherit",
    });
    results.push({ ...stage, ok: r.status === 0, seconds: (Date.now() - t0) / 1000 });
  }

  const counts = countReports();
  console.log("");
  for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds.toFixed(0)} s)`);
  // A failed stage that left no failing test behind (lint, typecheck, a crashed runner) counts once.
  for (const r of results) {
    if (!r.ok && (r.checks || counts.failed === 0)) counts.failed += 1;
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(
    `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`,
  );
  return results.every((r) => r.ok) ? 0 : 1;
}
