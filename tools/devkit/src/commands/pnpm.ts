// npm run build / typecheck / lint / e2e / format: `pnpm <args>` once the nkruntime types are
// linked, so they work straight from a fresh clone.
import { spawnSync } from "node:child_process";
import { repoRoot } from "../paths";
import { linkNakamaTypes } from "../setup";

export async function main(args: string[]) {
  linkNakamaTypes();
  return spawnSync("pnpm", args, { stdio: "inherit", cwd: repoRoot }).status ?? 1;
}
