// `npm run rename` in a fresh clone of HEAD: the renamed project installs, builds,
// typechecks, lints and passes its unit tests; renaming back gives the original tree.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneHead, mustRun, run } from "./clone";

let clone: ReturnType<typeof cloneHead>;
beforeAll(() => {
  clone = cloneHead("rename");
});
afterAll(() => clone?.remove());

// Built at run time: the new names must not appear anywhere in the tree before the rename
// (rename refuses such names, so that renaming back stays exact).
const WORDS = ["snow", "fight"];
const NAME = WORDS.join("-");
const SCOPE = `@${WORDS[0]}co`;
const TITLE = WORDS.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(" ");

/**
 * The renamed clone's turbo cache, kept between runs: the renamed tree is the same for the same
 * commit, so only the packages a change touched build and test again (turbo hashes the files,
 * not the clone's folder). A cache hit is a pass of those same inputs, as in `npm test`.
 */
const RENAMED_CACHE = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"),
  "gift-grab",
  "turbo-renamed-clone",
);

const rename = (...args: string[]) =>
  run("npm", ["run", "--silent", "rename", "--", ...args, "--no-install"], clone.dir);
const tracked = () => mustRun("git", ["ls-files"], clone.dir).stdout.trim().split("\n");
const grepTracked = (pattern: string) =>
  run("git", ["grep", "-l", "-i", "-E", pattern], clone.dir).stdout.trim();

describe("npm run rename in a fresh clone", () => {
  it.each([
    ["a game name that is not kebab-case", ["Snow_Fight", SCOPE], "kebab-case"],
    ["a scope without @", [NAME, SCOPE.slice(1)], "not an npm scope"],
    ["a name the project already uses", ["session-check", SCOPE], "already appears"],
  ])("refuses %s and changes nothing", (_what, args, message) => {
    const r = rename(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(mustRun("git", ["status", "--porcelain"], clone.dir).stdout).toBe("");
  });

  it("renames only the game when the scope stays, and back", () => {
    const other = ["moon", "race"].join("-");
    expect(rename(other, "@gift-grab").code).toBe(0);
    const server = JSON.parse(
      fs.readFileSync(path.join(clone.dir, "apps/server/package.json"), "utf8"),
    );
    expect(server.name).toBe("@gift-grab/server");
    const rootPkg = JSON.parse(fs.readFileSync(path.join(clone.dir, "package.json"), "utf8"));
    expect(rootPkg.name).toBe(other);
    expect(rename("gift-grab", "@gift-grab").code).toBe(0);
    expect(mustRun("git", ["status", "--porcelain"], clone.dir).stdout).toBe("");
  });

  it("renames packages, scope and titles; the result builds and passes its tests", () => {
    const r = rename(NAME, SCOPE);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);

    expect(grepTracked("gift.?grab")).toBe("");
    const rootPkg = JSON.parse(fs.readFileSync(path.join(clone.dir, "package.json"), "utf8"));
    expect(rootPkg.name).toBe(NAME);
    for (const rel of tracked().filter((f) => f.endsWith("package.json") && f !== "package.json")) {
      const pkg = JSON.parse(fs.readFileSync(path.join(clone.dir, rel), "utf8"));
      expect(pkg.name, rel).toMatch(new RegExp(`^${SCOPE}/`));
    }
    expect(fs.readFileSync(path.join(clone.dir, "apps/game/index.html"), "utf8")).toContain(
      `<title>${TITLE}</title>`,
    );

    mustRun("pnpm", ["install", "--offline", "--frozen-lockfile", "--reporter=silent"], clone.dir);
    mustRun(
      "pnpm",
      [
        "turbo",
        "run",
        "build",
        "typecheck",
        "lint",
        "test",
        // This package's own tests would clone again, recursively.
        `--filter=!${SCOPE}/template-tests`,
        "--output-logs=errors-only",
        `--cache-dir=${RENAMED_CACHE}`,
      ],
      clone.dir,
    );
  });

  it("renaming back gives the original tree", () => {
    const r = rename("gift-grab", "@gift-grab");
    expect(r.code).toBe(0);
    expect(mustRun("git", ["status", "--porcelain"], clone.dir).stdout).toBe("");
  });
});
