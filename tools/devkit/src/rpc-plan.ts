// What `npm run new:rpc` writes, computed before anything is written: the four new files
// from their templates, and the two lists the RPC joins (allRpcs in contracts, the
// rpcRegistry(allRpcs, [...]) handler list in the server's main.ts), edited through
// TypeScript's parser. Refuses (SetupError) when the RPC or one of its names is taken, or a
// list is missing.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { SetupError } from "./log";
import { repoRoot } from "./paths";
import { type RpcNames, rpcNames, serverSrc } from "./rpc-names";
import { rpcTemplates } from "./rpc-templates";
import {
  afterLast,
  appendTo,
  callArrayArgument,
  exportedArray,
  insertAll,
  parseSource,
} from "./ts-lists";

const rpcFiles = (n: RpcNames) => ({
  contract: `packages/contracts/src/rpcs/${n.kebab}.ts`,
  contractsIndex: "packages/contracts/src/rpcs/index.ts",
  handler: `${serverSrc}/${n.domain}/${n.kebab}.ts`,
  registry: `${serverSrc}/main.ts`,
  client: `apps/game/src/net/rpcs/${n.kebab}.ts`,
  test: `apps/server/test/integration/${n.kebab}.test.ts`,
});

const read = (rel: string) => fs.readFileSync(path.join(repoRoot, rel), "utf8");

/** Every .ts file under a folder, as text (to look for names already taken). */
function sources(dir: string) {
  return fs
    .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((rel) => rel.endsWith(".ts"))
    .sort()
    .map((rel) => fs.readFileSync(path.join(repoRoot, dir, rel), "utf8"))
    .join("\n");
}

function refuseTaken(n: RpcNames, f: ReturnType<typeof rpcFiles>) {
  for (const rel of [f.contract, f.handler, f.client, f.test]) {
    if (fs.existsSync(path.join(repoRoot, rel))) {
      throw new SetupError(`RPC "${n.id}" already exists: ${rel} is there`);
    }
  }
  const contracts = sources("packages/contracts/src");
  if (contracts.includes(`"${n.id}"`)) {
    throw new SetupError(`RPC id "${n.id}" already exists in packages/contracts/src`);
  }
  for (const name of [n.constant, n.camel]) {
    const exported = `export\\s+(const|let|function|class|type|interface|enum)\\s+${name}\\b`;
    if (new RegExp(exported).test(contracts)) {
      throw new SetupError(`packages/contracts already exports "${name}": pick another RPC name`);
    }
  }
}

export interface RpcPlan {
  names: RpcNames;
  /** [path from the repo root, the file's whole new text] */
  writes: [string, string][];
}

export function planRpc(spec: string): RpcPlan {
  const n = rpcNames(spec);
  const f = rpcFiles(n);
  refuseTaken(n, f);

  const indexText = read(f.contractsIndex);
  const index = parseSource(f.contractsIndex, indexText);
  const allRpcs = exportedArray(index, "allRpcs");
  if (!allRpcs) {
    throw new SetupError(
      `${f.contractsIndex} has no \`export const allRpcs = [...]\` list to add the RPC to`,
    );
  }
  const contractsIndex = insertAll(indexText, [
    [
      afterLast(index, ts.SyntaxKind.ImportDeclaration),
      `\nimport { ${n.camel} } from "./${n.kebab}";`,
    ],
    [afterLast(index, ts.SyntaxKind.ExportDeclaration), `\nexport * from "./${n.kebab}";`],
    appendTo(allRpcs, n.camel),
  ]);

  const mainText = read(f.registry);
  if (new RegExp(`\\b${n.handler}\\b`).test(mainText)) {
    throw new SetupError(`${f.registry} already names "${n.handler}": pick another RPC name`);
  }
  const main = parseSource(f.registry, mainText);
  const handlers = callArrayArgument(main, "rpcRegistry", 1);
  if (!handlers) {
    throw new SetupError(
      `${f.registry} has no rpcRegistry(allRpcs, [...]) call with a list of handlers`,
    );
  }
  const registry = insertAll(mainText, [
    [
      afterLast(main, ts.SyntaxKind.ImportDeclaration),
      `\nimport { ${n.handler} } from "./${n.domain}/${n.kebab}";`,
    ],
    appendTo(handlers, n.handler),
  ]);

  return {
    names: n,
    writes: [
      [f.contract, rpcTemplates.contract(n)],
      [f.contractsIndex, contractsIndex],
      [f.handler, rpcTemplates.handler(n)],
      [f.registry, registry],
      [f.client, rpcTemplates.client(n)],
      [f.test, rpcTemplates.test(n)],
    ],
  };
}
