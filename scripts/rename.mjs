#!/usr/bin/env node
// npm run rename -- <game-name> <@scope>: makes the template yours. Replaces, in every file
// git knows (tracked or new, not ignored):
//   @gift-grab/…   → <@scope>/…         package names and imports (also in pnpm-lock.yaml)
//   gift-grab      → <game-name>        root package, Nakama node name, cache folder
//   gift_grab / GIFT_GRAB / giftGrab / GiftGrab / Gift Grab / GIFT GRAB → the same forms of <game-name>
// then reinstalls so the workspace links follow the new scope (skip with --no-install).
// The current names are read from package.json, so running it again with the old names
// renames back (exactly, as long as the new name has two words or more).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

class Refusal extends Error {}

/** The spellings of a kebab-case name that appear in the code and the UI. */
export function forms(kebab) {
  const words = kebab.split("-");
  const cap = (w) => w[0].toUpperCase() + w.slice(1);
  return {
    kebab,
    snake: words.join("_"),
    upperSnake: words.join("_").toUpperCase(),
    camel: words[0] + words.slice(1).map(cap).join(""),
    pascal: words.map(cap).join(""),
    title: words.map(cap).join(" "),
    upperTitle: words.join(" ").toUpperCase(),
  };
}

/** [from, to] pairs, including unchanged ones (an unchanged scope must stay untouched). */
export function replacements(from, to) {
  const a = forms(from.name);
  const b = forms(to.name);
  const pairs = [[`${from.scope}/`, `${to.scope}/`]];
  for (const key of ["kebab", "snake", "upperSnake", "pascal", "camel", "upperTitle", "title"]) {
    if (!pairs.some(([f]) => f === a[key])) pairs.push([a[key], b[key]]);
  }
  return pairs;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every source spelling in one pass, longest first, so no result is replaced again. */
export function replaceAllNames(text, pairs) {
  const map = new Map(pairs);
  const froms = [...map.keys()].sort((x, y) => y.length - x.length);
  return text.replace(new RegExp(froms.map(escapeRegExp).join("|"), "g"), (m) => map.get(m) ?? m);
}

function validate(name, scope) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name ?? "")) {
    throw new Refusal(`"${name}" is not a kebab-case game name: lowercase words joined by "-"`);
  }
  if (!/^@[a-z0-9][a-z0-9-]*$/.test(scope ?? "")) {
    throw new Refusal(`"${scope}" is not an npm scope: "@" then lowercase letters, digits, "-"`);
  }
}

/** The names the tree has now: root package name and the workspace packages' scope. */
export function currentNames(dir = root) {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const contracts = JSON.parse(
    fs.readFileSync(path.join(dir, "packages/contracts/package.json"), "utf8"),
  );
  return { name: rootPkg.name, scope: contracts.name.split("/")[0] };
}

function projectFiles(dir) {
  const r = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: dir,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Refusal("rename works on a git checkout: run `git init` first");
  return [...new Set(r.stdout.split("\0").filter(Boolean))].filter((f) =>
    fs.existsSync(path.join(dir, f)),
  );
}

function isText(buf) {
  return !buf.subarray(0, 8000).includes(0);
}

/** Rewrites the files under `dir`; returns the files changed. */
export function rename(dir, to) {
  const from = currentNames(dir);
  const pairs = replacements(from, to);
  const changing = pairs.filter(([f, t]) => f !== t);
  if (changing.length === 0) return [];
  const files = projectFiles(dir)
    .map((rel) => ({ rel, buf: fs.readFileSync(path.join(dir, rel)) }))
    .filter(({ buf }) => isText(buf));
  // A new name already in the tree could not be told apart from the renamed text later.
  // (Text that stays, such as an unchanged scope, is not counted.)
  const kept = pairs.filter(([f, t]) => f === t).map(([f]) => f);
  for (const [, t] of changing) {
    const hit = files.find(({ buf }) => {
      let text = buf.toString("utf8");
      for (const k of kept) text = text.replaceAll(k, "\0");
      return text.includes(t);
    });
    if (hit) {
      throw new Refusal(
        `"${t}" already appears in ${hit.rel}: pick a name the project does not use yet`,
      );
    }
  }
  const changed = [];
  for (const { rel, buf } of files) {
    const before = buf.toString("utf8");
    const text = replaceAllNames(before, pairs);
    if (text !== before) {
      fs.writeFileSync(path.join(dir, rel), text);
      changed.push(rel);
    }
  }
  return changed;
}

const biome = path.join(root, "node_modules/.bin/biome");
const tidyable = (files) => files.filter((f) => /\.(m?[jt]sx?|json)$/.test(f));

/** Files Biome finds nothing to say about (the only ones `tidy` may touch). */
function cleanFiles(files) {
  const code = tidyable(files);
  if (!fs.existsSync(biome) || code.length === 0) return new Set();
  const r = spawnSync(biome, ["check", "--reporter=json", "--no-errors-on-unmatched", ...code], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return new Set();
  }
  const dirty = new Set(report.diagnostics.map((d) => d.location?.path));
  return new Set(code.filter((f) => !dirty.has(f)));
}

/**
 * A new scope sorts imports differently and may change line lengths: Biome re-tidies the
 * renamed files that were tidy before (others stay byte-for-byte as renamed, so renaming
 * back gives the original tree).
 */
function tidy(changed, clean) {
  const files = changed.filter((f) => clean.has(f));
  if (files.length === 0) return;
  const before = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), "utf8")]));
  spawnSync(biome, ["check", "--write", "--no-errors-on-unmatched", ...files], {
    cwd: root,
    stdio: "ignore",
  });
  for (const f of files) keepHeaderAttached(f, before.get(f));
}

const HEADER = /^((?:\/\/[^\n]*\n)+)(\n?)(?=import\b)/;

/**
 * When re-sorting moves another import to the top, Biome detaches the file's header
 * comment with a blank line. Put it back as it was: Biome accepts both, and without this
 * renaming back would not give the original file.
 */
function keepHeaderAttached(file, original) {
  const abs = path.join(root, file);
  const now = fs.readFileSync(abs, "utf8");
  const was = original.match(HEADER);
  const is = now.match(HEADER);
  if (was && is && was[1] === is[1] && was[2] === "" && is[2] === "\n") {
    fs.writeFileSync(abs, is[1] + now.slice(is[0].length));
  }
}

function main(argv) {
  const install = !argv.includes("--no-install");
  const [name, scope, ...rest] = argv.filter((a) => a !== "--no-install");
  try {
    if (rest.length) throw new Refusal("too many arguments");
    validate(name, scope);
    const from = currentNames();
    const clean = cleanFiles(projectFiles(root));
    const changed = rename(root, { name, scope });
    if (changed.length === 0) {
      console.log(`Already named ${name} (${scope}/*): nothing to do.`);
      return 0;
    }
    console.log(
      `Renamed ${from.name} (${from.scope}/*) → ${name} (${scope}/*) in ${changed.length} files.`,
    );
    tidy(changed, clean);
  } catch (err) {
    if (err instanceof Refusal) {
      console.error(`rename: ${err.message}`);
      console.error("usage: npm run rename -- <game-name> <@scope>");
      return 1;
    }
    throw err;
  }
  if (install) {
    console.log("Relinking the workspace (pnpm install)…");
    const r = spawnSync("pnpm", ["install", "--prefer-offline"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
      console.error("pnpm install failed: run it yourself, then `npm test`.");
      return 1;
    }
  }
  console.log(
    "Next: `npm test`, then commit. The Nakama build is cached under the new name's folder.",
  );
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
