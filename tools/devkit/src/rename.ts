// Renaming the project (npm run rename): every spelling of the game's name and its npm scope,
// replaced in every file git knows. The current names are read from package.json, so running
// it again with the old names renames back (exactly, as long as the new name has two words or
// more).
import fs from "node:fs";
import path from "node:path";
import { SetupError } from "./log";
import { capture } from "./process";

export interface ProjectNames {
  /** kebab-case game name: the root package's name */
  name: string;
  /** npm scope of the workspace packages, with its "@" */
  scope: string;
}

/** The spellings of a kebab-case name that appear in the code and the UI. */
function forms(kebab: string) {
  const words = kebab.split("-");
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return {
    kebab,
    snake: words.join("_"),
    upperSnake: words.join("_").toUpperCase(),
    camel: (words[0] ?? "") + words.slice(1).map(cap).join(""),
    pascal: words.map(cap).join(""),
    title: words.map(cap).join(" "),
    upperTitle: words.join(" ").toUpperCase(),
  };
}

/** [from, to] pairs, including unchanged ones (an unchanged scope must stay untouched). */
function replacements(from: ProjectNames, to: ProjectNames) {
  const a = forms(from.name);
  const b = forms(to.name);
  const pairs: [string, string][] = [[`${from.scope}/`, `${to.scope}/`]];
  const keys = ["kebab", "snake", "upperSnake", "pascal", "camel", "upperTitle", "title"] as const;
  for (const key of keys) {
    if (!pairs.some(([f]) => f === a[key])) pairs.push([a[key], b[key]]);
  }
  return pairs;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every source spelling in one pass, longest first, so no result is replaced again. */
function replaceAllNames(text: string, pairs: [string, string][]) {
  const map = new Map(pairs);
  const froms = [...map.keys()].sort((x, y) => y.length - x.length);
  return text.replace(new RegExp(froms.map(escapeRegExp).join("|"), "g"), (m) => map.get(m) ?? m);
}

/** The names a person asked for, refused unless they are a kebab-case name and an npm scope. */
export function requestedNames(name = "", scope = ""): ProjectNames {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new SetupError(`"${name}" is not a kebab-case game name: lowercase words joined by "-"`);
  }
  if (!/^@[a-z0-9][a-z0-9-]*$/.test(scope)) {
    throw new SetupError(`"${scope}" is not an npm scope: "@" then lowercase letters, digits, "-"`);
  }
  return { name, scope };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as { name: string };

/** The names the tree has now: root package name and the workspace packages' scope. */
export function currentNames(dir: string): ProjectNames {
  const contracts = readJson(path.join(dir, "packages/contracts/package.json"));
  return {
    name: readJson(path.join(dir, "package.json")).name,
    scope: contracts.name.split("/")[0] ?? "",
  };
}

/** Every file git knows under `dir`, tracked or new (not ignored), that exists. */
export function projectFiles(dir: string) {
  const r = capture("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: dir,
  });
  if (r.code !== 0) throw new SetupError("rename works on a git checkout: run `git init` first");
  return [...new Set(r.stdout.split("\0").filter(Boolean))].filter((f) =>
    fs.existsSync(path.join(dir, f)),
  );
}

const isText = (buf: Buffer) => !buf.subarray(0, 8000).includes(0);

/** Rewrites the files under `dir`; returns the files changed. */
export function renameProject(dir: string, to: ProjectNames) {
  const pairs = replacements(currentNames(dir), to);
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
      throw new SetupError(
        `"${t}" already appears in ${hit.rel}: pick a name the project does not use yet`,
      );
    }
  }
  const changed: string[] = [];
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
