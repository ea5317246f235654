// npm run new:rpc -- <domain>/<snake_name>: adds one RPC along the path every RPC of the
// project follows (docs/adding-an-rpc.md):
//   packages/contracts/src/rpcs/<name>.ts        contract: id, request and response schemas
//   packages/contracts/src/rpcs/index.ts         export + an entry in the allRpcs list
//   apps/server/src/<domain>/<name>.ts           handler: defineHandler(contract, { run })
//   apps/server/src/main.ts                      an entry in the rpcRegistry(allRpcs, [...]) list
//   apps/game/src/net/rpcs/<name>.ts             typed client call through GameNet.rpc
//   apps/server/test/integration/<name>.test.ts  real-server test
// Nothing is written unless every edit can be made (rpc-plan.ts computes them all first).
import fs from "node:fs";
import path from "node:path";
import { biomeFix } from "../biome";
import { log } from "../log";
import { repoRoot } from "../paths";
import { planRpc } from "../rpc-plan";

/** The workspace scope, e.g. "@gift-grab" (it changes after `npm run rename`). */
function scope() {
  const file = path.join(repoRoot, "packages/contracts/package.json");
  const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name: string };
  return pkg.name.split("/")[0];
}

export async function main(argv: string[]) {
  const spec = argv[0];
  if (!spec || argv.length > 1) {
    console.error(
      "usage: npm run new:rpc -- <domain>/<snake_case_id>   e.g. npm run new:rpc -- rounds/claim_reward",
    );
    return 2;
  }
  const plan = planRpc(spec);
  const sc = scope();
  for (const [rel, text] of plan.writes) {
    const abs = path.join(repoRoot, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text.replaceAll("@gift-grab/", `${sc}/`));
  }
  // Sort and merge the imports the way the project's formatter wants them.
  biomeFix(plan.writes.map(([rel]) => rel));
  const n = plan.names;
  log.ok(`Added RPC "${n.id}":`);
  for (const [rel] of plan.writes) log.info(rel);
  console.log(`
Next:
  1. Change the request/response fields in packages/contracts/src/rpcs/${n.kebab}.ts.
  2. Write the logic in apps/server/src/${n.domain}/${n.kebab}.ts (synchronous; refuse with rpcError(reason, detail)).
  3. Give scenes a GameNet method (apps/game/src/net/types.ts) that NakamaNet answers with
     ${n.call}(this, {...}) from apps/game/src/net/rpcs/${n.kebab}.ts (scenes reach the net only through GameNet).
  4. Test: cd apps/server && node scripts/build.mjs && pnpm vitest run --project integration test/integration/${n.kebab}.test.ts`);
  return 0;
}
