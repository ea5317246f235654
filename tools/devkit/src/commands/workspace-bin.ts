// npm run build / typecheck / lint / e2e (turbo) and format (biome): the workspace's own
// binary, run straight from node_modules/.bin once the nkruntime types are linked, so they
// work from a fresh clone. (Through `pnpm <bin>` it cost another Node start.)
import { spawnSync } from "node:child_process";
import { repoRoot, workspaceBin } from "../paths";
import { linkNakamaTypes } from "../setup";

export function binCommand(name: string) {
  return {
    async main(args: string[]) {
      linkNakamaTypes();
      return spawnSync(workspaceBin(name), args, { stdio: "inherit", cwd: repoRoot }).status ?? 1;
    },
  };
}
