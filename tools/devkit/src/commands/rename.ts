// npm run rename -- <game-name> <@scope>: makes the template yours. Replaces, in every file
// git knows (tracked or new, not ignored):
//   @gift-grab/…   → <@scope>/…         package names and imports (also in pnpm-lock.yaml)
//   gift-grab      → <game-name>        root package, Nakama node name, cache folder
//   gift_grab / GIFT_GRAB / giftGrab / GiftGrab / Gift Grab / GIFT GRAB → the same forms of <game-name>
// then reinstalls so the workspace links follow the new scope (skip with --no-install).
// rename.ts says how; this command adds the tidying and the reinstall.
import fs from "node:fs";
import path from "node:path";
import { biomeCleanFiles, biomeFix } from "../biome";
import { log, SetupError } from "../log";
import { repoRoot } from "../paths";
import { run } from "../process";
import { currentNames, projectFiles, renameProject, requestedNames } from "../rename";

const tidyable = (files: string[]) => files.filter((f) => /\.(m?[jt]sx?|json)$/.test(f));

/**
 * A new scope sorts imports differently and may change line lengths: Biome re-tidies the
 * renamed files that were tidy before (others stay byte-for-byte as renamed, so renaming
 * back gives the original tree).
 */
function tidy(changed: string[], clean: Set<string>) {
  const files = changed.filter((f) => clean.has(f));
  if (files.length === 0) return;
  const before = new Map(files.map((f) => [f, fs.readFileSync(path.join(repoRoot, f), "utf8")]));
  biomeFix(files);
  for (const [f, text] of before) keepHeaderAttached(f, text);
}

const HEADER = /^((?:\/\/[^\n]*\n)+)(\n?)(?=import\b)/;

/**
 * When re-sorting moves another import to the top, Biome detaches the file's header
 * comment with a blank line. Put it back as it was: Biome accepts both, and without this
 * renaming back would not give the original file.
 */
function keepHeaderAttached(file: string, original: string) {
  const abs = path.join(repoRoot, file);
  const now = fs.readFileSync(abs, "utf8");
  const was = original.match(HEADER);
  const is = now.match(HEADER);
  if (was && is && was[1] === is[1] && was[2] === "" && is[2] === "\n") {
    fs.writeFileSync(abs, is[1] + now.slice(is[0].length));
  }
}

export async function main(argv: string[]) {
  const install = !argv.includes("--no-install");
  const [name, scope, ...rest] = argv.filter((a) => a !== "--no-install");
  try {
    if (rest.length) throw new SetupError("too many arguments");
    const to = requestedNames(name, scope);
    const from = currentNames(repoRoot);
    const clean = biomeCleanFiles(tidyable(projectFiles(repoRoot)));
    const changed = renameProject(repoRoot, to);
    if (changed.length === 0) {
      log.ok(`Already named ${name} (${scope}/*): nothing to do.`);
      return 0;
    }
    log.ok(
      `Renamed ${from.name} (${from.scope}/*) → ${name} (${scope}/*) in ${changed.length} files.`,
    );
    tidy(changed, clean);
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    log.fail(err.message);
    console.error("usage: npm run rename -- <game-name> <@scope>");
    return 1;
  }
  if (install) {
    log.step("Relinking the workspace (pnpm install)…");
    try {
      await run("pnpm", ["install", "--prefer-offline"], { cwd: repoRoot });
    } catch {
      log.fail("pnpm install failed: run it yourself, then `npm test`.");
      return 1;
    }
  }
  log.info(
    "Next: `npm test`, then commit. The Nakama build is cached under the new name's folder.",
  );
  return 0;
}
