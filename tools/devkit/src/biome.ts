// The project's formatter and linter (Biome, from the root's node_modules), for the commands
// that write source files (new:rpc, rename) and leave them the way `npm run lint` wants them.
// Without Biome installed both do nothing: the files stay as written.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths";
import { capture } from "./process";

const biome = path.join(repoRoot, "node_modules/.bin/biome");

/** `biome check --write` on files (paths from the repo root): formats, sorts and merges imports. */
export function biomeFix(files: string[]) {
  if (!fs.existsSync(biome) || files.length === 0) return;
  capture(biome, ["check", "--write", "--no-errors-on-unmatched", ...files], { cwd: repoRoot });
}

/** The files among `files` Biome finds nothing to say about (none when Biome is missing). */
export function biomeCleanFiles(files: string[]) {
  if (!fs.existsSync(biome) || files.length === 0) return new Set<string>();
  const r = capture(biome, ["check", "--reporter=json", "--no-errors-on-unmatched", ...files], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: { diagnostics: { location?: { path?: string } }[] };
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return new Set<string>();
  }
  const dirty = new Set(report.diagnostics.map((d) => d.location?.path));
  return new Set(files.filter((f) => !dirty.has(f)));
}
