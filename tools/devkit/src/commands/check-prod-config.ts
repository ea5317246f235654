// npm run check:prod-config -- <nakama.yml>: refuses a Nakama config that is not fit for
// production (prod-config.ts says what that means). Prints each problem and exits 1; exits 0
// on a good file, 2 on a missing or unreadable one.
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "../nakama-config";
import { findProblems } from "../prod-config";

export async function main(argv: string[]) {
  if (argv.length !== 1 || !argv[0]) {
    console.error("usage: npm run check:prod-config -- <path/to/nakama.yml>");
    return 2;
  }
  // npm runs scripts in the repo's root; a relative path means where the person typed it.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argv[0]);
  if (!fs.existsSync(file)) {
    console.error(`check:prod-config: ${file} does not exist`);
    return 2;
  }
  let config: unknown;
  try {
    config = readConfig(file);
  } catch (err) {
    console.error(`check:prod-config: ${file} is not valid YAML: ${(err as Error).message}`);
    return 2;
  }
  const problems = findProblems(config);
  if (problems.length === 0) {
    console.log(`✓ ${file}: no default or dev-only keys, console not exposed`);
    return 0;
  }
  console.error(`✗ ${file} is not ready for production (${problems.length} problems):`);
  for (const p of problems) console.error(`  - ${p}`);
  console.error('See docs/deploying.md, "Setting real keys".');
  return 1;
}
