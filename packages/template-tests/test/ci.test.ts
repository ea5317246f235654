// .github/workflows/ci.yml, the CI template users get: checked by structure, since it only
// runs on GitHub. It must run the same `npm test`, with the caches that keep it fast and
// tool versions that agree with the repo's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "./clone";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
const workflow = parse(fs.readFileSync(path.join(repoRoot, ".github/workflows/ci.yml"), "utf8"));
const jobs = Object.values(workflow.jobs) as { "runs-on": string; steps: Step[] }[];
const steps = jobs.flatMap((j) => j.steps);
const uses = (action: string) => steps.filter((s) => s.uses?.startsWith(`${action}@`));
const cachedPaths = uses("actions/cache").flatMap((s) => (s.with?.path ?? "").split("\n"));

function versionAtLeast(have: string, need: string) {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

describe(".github/workflows/ci.yml", () => {
  it("runs on pushes to main and on pull requests", () => {
    expect(workflow.on.push.branches).toContain("main");
    expect(workflow.on).toHaveProperty("pull_request");
  });

  it("runs `npm test`, after checkout and the toolchains", () => {
    const test = steps.findIndex((s) => s.run?.trim() === "npm test");
    expect(test).toBeGreaterThan(-1);
    for (const action of ["actions/checkout", "actions/setup-node", "actions/setup-go"]) {
      const i = steps.findIndex((s) => s.uses?.startsWith(`${action}@`));
      expect(i, action).toBeGreaterThan(-1);
      expect(i, action).toBeLessThan(test);
    }
  });

  it("uses the Node version of .nvmrc (Node 20)", () => {
    const nvmrc = fs.readFileSync(path.join(repoRoot, ".nvmrc"), "utf8").trim();
    expect(nvmrc).toMatch(/^20(\.|$)/);
    const node = uses("actions/setup-node")[0]?.with ?? {};
    if (node["node-version-file"]) expect(node["node-version-file"]).toBe(".nvmrc");
    else expect(String(node["node-version"])).toBe(nvmrc);
  });

  it("uses a Go that satisfies the pinned Nakama's go.mod", () => {
    const go = String(uses("actions/setup-go")[0]?.with?.["go-version"]);
    const versions = JSON.parse(
      fs.readFileSync(path.join(repoRoot, "infra/versions.json"), "utf8"),
    );
    const modCache = spawnSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).stdout.trim();
    const goMod = path.join(modCache, `github.com/heroiclabs/nakama/v3@v${versions.nakama}/go.mod`);
    // npm test's setup downloads this module before the tests run.
    const needed = fs.readFileSync(goMod, "utf8").match(/^go (\S+)$/m)?.[1] ?? "";
    expect(needed).toMatch(/^\d+\.\d+/);
    expect(versionAtLeast(go, needed), `go-version ${go} >= ${needed}`).toBe(true);
    expect(versionAtLeast(go, "1.26.5")).toBe(true);
  });

  it("installs pnpm at the version package.json pins (pnpm/action-setup reads packageManager)", () => {
    const pnpm = uses("pnpm/action-setup");
    expect(pnpm).toHaveLength(1);
    expect(pnpm[0]?.with?.version).toBeUndefined();
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.packageManager).toMatch(/^pnpm@10\./);
  });

  it("caches the pnpm store, Go's build cache, our Nakama binary and turbo", () => {
    const pathsStep = steps.find((s) => s.run?.includes("GITHUB_OUTPUT"))?.run ?? "";
    expect(pathsStep).toContain("pnpm store path");
    expect(pathsStep).toContain("go env GOCACHE");
    const joined = cachedPaths.join("\n");
    expect(joined).toContain("steps.paths.outputs.pnpm-store");
    expect(joined).toContain("steps.paths.outputs.go-build");
    expect(cachedPaths).toContain("~/.cache/gift-grab");
    // Turbo's cache is where npm test puts it: --cache-dir under our cache folder, or turbo's default.
    const testScript = fs.readFileSync(
      path.join(repoRoot, "tools/devkit/src/commands/test.ts"),
      "utf8",
    );
    const turboCache = testScript.includes('path.join(cacheDir, "turbo")')
      ? "~/.cache/gift-grab/turbo"
      : ".turbo/cache";
    expect(cachedPaths).toContain(turboCache);
    // Each cache has its own key: the turbo cache must not ride inside the Nakama one.
    if (turboCache.startsWith("~/.cache/gift-grab/")) {
      expect(cachedPaths).toContain(`!${turboCache}`);
    }
    for (const c of uses("actions/cache")) expect(c.with?.key, c.name).toBeTruthy();
  });

  it("runs where our scripts' system packages exist (Debian: Postgres 15, /usr/bin/chromium)", () => {
    const text = steps.map((s) => s.run ?? "").join("\n");
    for (const pkg of ["postgresql-contrib", "chromium"]) expect(text).toContain(pkg);
    expect(JSON.stringify(workflow.jobs)).toContain("debian:bookworm");
  });
});
