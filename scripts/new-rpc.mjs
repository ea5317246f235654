#!/usr/bin/env node
// npm run new:rpc -- <domain>/<snake_name>: adds one RPC along the path every RPC of the
// project follows (docs/adding-an-rpc.md):
//   packages/contracts/src/rpcs/<name>.ts        contract: id, request and response schemas
//   packages/contracts/src/rpcs/index.ts         export + an entry in the allRpcs list
//   apps/server/src/<domain>/<name>.ts           handler: defineHandler(contract, { run })
//   apps/server/src/main.ts                      an entry in the rpcRegistry(allRpcs, [...]) list
//   apps/game/src/net/rpcs/<name>.ts             typed client call through GameNet.rpc
//   apps/server/test/integration/<name>.test.ts  real-server test
// The two lists are array literals, found through TypeScript's parser and appended to.
// Nothing is written unless every edit can be made.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined"
  ).split(" "),
);

class Refusal extends Error {}

const serverSrc = "apps/server/src";

/** A domain is a folder of apps/server/src; runtime/ is the machinery all domains share. */
function domainOf(domain) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(domain)) {
    throw new Refusal(
      `"${domain}" is not a domain folder name: use lowercase letters and digits, words joined by "-" (e.g. rounds)`,
    );
  }
  if (domain === "runtime") {
    throw new Refusal(
      "runtime/ holds what all domains share, not RPCs: pick a domain (e.g. rounds)",
    );
  }
  return domain;
}

function domains() {
  return fs
    .readdirSync(path.join(root, serverSrc), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "runtime")
    .map((e) => e.name);
}

export function names(spec) {
  const parts = spec.split("/");
  if (parts.length !== 2) {
    throw new Refusal(
      `"${spec}" names no domain: write <domain>/<snake_case_id>, e.g. rounds/claim_reward (domains: ${domains().join(", ")})`,
    );
  }
  const domain = domainOf(parts[0]);
  const id = parts[1];
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(id)) {
    throw new Refusal(
      `"${id}" is not a snake_case RPC id: use lowercase letters and digits in words joined by "_", starting with a letter (e.g. claim_reward)`,
    );
  }
  if (id.length > 64) throw new Refusal(`"${id}" is longer than 64 characters`);
  const words = id.split("_");
  const camel = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  if (RESERVED.has(camel)) {
    throw new Refusal(`"${id}" would name a variable "${camel}", a JavaScript reserved word`);
  }
  const pascal = camel[0].toUpperCase() + camel.slice(1);
  return {
    id,
    domain,
    constant: id.toUpperCase(),
    camel,
    handler: `${camel}Handler`,
    call: `call${pascal}`,
    kebab: words.join("-"),
  };
}

const files = (n) => ({
  contract: `packages/contracts/src/rpcs/${n.kebab}.ts`,
  contractsIndex: "packages/contracts/src/rpcs/index.ts",
  handler: `${serverSrc}/${n.domain}/${n.kebab}.ts`,
  registry: `${serverSrc}/main.ts`,
  client: `apps/game/src/net/rpcs/${n.kebab}.ts`,
  test: `apps/server/test/integration/${n.kebab}.test.ts`,
});

const read = (rel) => fs.readFileSync(path.join(root, rel), "utf8");

/** Every .ts file under a folder, as text (to look for names already taken). */
function sources(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) out.push(fs.readFileSync(p, "utf8"));
    }
  };
  walk(path.join(root, dir));
  return out.join("\n");
}

function refuseTaken(n, f) {
  for (const rel of [f.contract, f.handler, f.client, f.test]) {
    if (fs.existsSync(path.join(root, rel))) {
      throw new Refusal(`RPC "${n.id}" already exists: ${rel} is there`);
    }
  }
  const contracts = sources("packages/contracts/src");
  if (contracts.includes(`"${n.id}"`)) {
    throw new Refusal(`RPC id "${n.id}" already exists in packages/contracts/src`);
  }
  for (const name of [n.constant, n.camel]) {
    if (
      new RegExp(`export\\s+(const|let|function|class|type|interface|enum)\\s+${name}\\b`).test(
        contracts,
      )
    ) {
      throw new Refusal(`packages/contracts already exports "${name}": pick another RPC name`);
    }
  }
}

/** Applies insertions ([position, text]) to a source text, the last first so positions hold. */
function insertAll(text, inserts) {
  let out = text;
  for (const [at, add] of [...inserts].sort((x, y) => y[0] - x[0])) {
    out = out.slice(0, at) + add + out.slice(at);
  }
  return out;
}

const parse = (rel, text) =>
  ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** Where a new import (or `export … from`) goes: after the last statement of its kind. */
function afterLast(source, kind) {
  const last = source.statements.filter((st) => st.kind === kind).at(-1);
  return last ? last.end : 0;
}

/** The insertion that makes `name` the last element of an array literal. */
function appendTo(array, name) {
  const last = array.elements.at(-1);
  return last ? [last.end, `,\n  ${name}`] : [array.elements.pos, `\n  ${name},\n`];
}

/** The array literal of `export const <name> = [...]` (or `[...] as const`). */
function exportedArray(source, rel, name) {
  for (const st of source.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      let init = d.initializer;
      if (init && ts.isAsExpression(init)) init = init.expression;
      if (
        ts.isIdentifier(d.name) &&
        d.name.text === name &&
        init &&
        ts.isArrayLiteralExpression(init)
      )
        return init;
    }
  }
  throw new Refusal(`${rel} has no \`export const ${name} = [...]\` list to add the RPC to`);
}

/** The handler list: the array literal passed to rpcRegistry(allRpcs, [...]). */
function handlerArray(source, rel) {
  let found;
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "rpcRegistry" &&
      node.arguments[1] &&
      ts.isArrayLiteralExpression(node.arguments[1])
    ) {
      found ??= node.arguments[1];
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) {
    throw new Refusal(`${rel} has no rpcRegistry(allRpcs, [...]) call with a list of handlers`);
  }
  return found;
}

const templates = {
  contract: (n) => `import * as z from "zod/mini";
import { defineRpc } from "../rpc";

export const ${n.constant} = "${n.id}";

/** ${n.id}: generated by \`npm run new:rpc\`. Describe what it does; change the fields to yours. */
export const ${n.camel} = defineRpc({
  id: ${n.constant},
  request: z.strictObject({
    message: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  response: z.strictObject({
    message: z.string(),
    user_id: z.string(),
  }),
});
`,
  handler: (n) => `import { ${n.camel} } from "@gift-grab/contracts";
import { defineHandler } from "../runtime/handle-rpc";

/** ${n.id}: input is already validated against the contract; return the response object. */
export const ${n.handler} = defineHandler(${n.camel}, {
  run(input, { userId }) {
    return { message: input.message, user_id: userId };
  },
});
`,
  client: (
    n,
  ) => `import { ${n.camel}, type RpcRequest, type RpcResponse } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls ${n.id}; input and response are checked against its contract by GameNet.rpc. */
export function ${n.call}(
  net: Pick<GameNet, "rpc">,
  input: RpcRequest<typeof ${n.camel}>,
): Promise<RpcResponse<typeof ${n.camel}>> {
  return net.rpc(${n.camel}, input);
}
`,
  test: (n) => `import { ${n.constant}, ${n.camel}, parseRpcError } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { guest, rawRpc, server } from "./nakama";

describe("${n.id} on the real server", () => {
  it("answers a valid request with a response that matches the contract", async () => {
    const { client, session } = await guest();
    const res = await client.rpc(session, ${n.constant}, { message: "hello" });
    expect(${n.camel}.response.parse(res.payload)).toEqual({
      message: "hello",
      user_id: session.user_id,
    });
  });

  it("refuses an unknown field with 400 naming the field", async () => {
    const { session } = await guest();
    const res = await rawRpc(${n.constant}, JSON.stringify({ message: "hi", sneaky: 1 }), session);
    expect(res.status).toBe(400);
    const err = parseRpcError(res.json);
    expect(err).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(err.detail).toContain("sneaky");
  });

  it("refuses a missing field with 400", async () => {
    const { session } = await guest();
    const res = await rawRpc(${n.constant}, "{}", session);
    expect(res.status).toBe(400);
    expect(parseRpcError(res.json).detail).toContain("message");
  });

  it("refuses a call without a signed-in user with 401", async () => {
    const res = await rawRpc(${n.constant}, '{"message":"hi"}', { httpKey: server().httpKey });
    expect(res.status).toBe(401);
    expect(parseRpcError(res.json).reason).toBe("unauthenticated");
  });
});
`,
};

/** Every file's new content, computed before anything is written. */
export function plan(spec) {
  const n = names(spec);
  const f = files(n);
  refuseTaken(n, f);

  const indexText = read(f.contractsIndex);
  const index = parse(f.contractsIndex, indexText);
  const contractsIndex = insertAll(indexText, [
    [
      afterLast(index, ts.SyntaxKind.ImportDeclaration),
      `\nimport { ${n.camel} } from "./${n.kebab}";`,
    ],
    [afterLast(index, ts.SyntaxKind.ExportDeclaration), `\nexport * from "./${n.kebab}";`],
    appendTo(exportedArray(index, f.contractsIndex, "allRpcs"), n.camel),
  ]);

  const mainText = read(f.registry);
  if (new RegExp(`\\b${n.handler}\\b`).test(mainText)) {
    throw new Refusal(`${f.registry} already names "${n.handler}": pick another RPC name`);
  }
  const main = parse(f.registry, mainText);
  const registry = insertAll(mainText, [
    [
      afterLast(main, ts.SyntaxKind.ImportDeclaration),
      `\nimport { ${n.handler} } from "./${n.domain}/${n.kebab}";`,
    ],
    appendTo(handlerArray(main, f.registry), n.handler),
  ]);

  return {
    names: n,
    writes: [
      [f.contract, templates.contract(n)],
      [f.contractsIndex, contractsIndex],
      [f.handler, templates.handler(n)],
      [f.registry, registry],
      [f.client, templates.client(n)],
      [f.test, templates.test(n)],
    ],
  };
}

/** The workspace scope, e.g. "@gift-grab" (it changes after `npm run rename`). */
function scope() {
  const pkg = JSON.parse(read("packages/contracts/package.json"));
  return pkg.name.split("/")[0];
}

function main(argv) {
  const spec = argv[0];
  if (!spec || argv.length > 1) {
    console.error(
      "usage: npm run new:rpc -- <domain>/<snake_case_id>   e.g. npm run new:rpc -- rounds/claim_reward",
    );
    return 2;
  }
  let p;
  try {
    p = plan(spec);
  } catch (err) {
    if (err instanceof Refusal) {
      console.error(`new:rpc: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const sc = scope();
  for (const [rel, text] of p.writes) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text.replaceAll("@gift-grab/", `${sc}/`));
  }
  // Sort and merge the imports the way the project's formatter wants them.
  const biome = path.join(root, "node_modules/.bin/biome");
  if (fs.existsSync(biome)) {
    spawnSync(biome, ["check", "--write", ...p.writes.map(([rel]) => rel)], {
      cwd: root,
      stdio: "ignore",
    });
  }
  const n = p.names;
  console.log(`Added RPC "${n.id}":`);
  for (const [rel] of p.writes) console.log(`  ${rel}`);
  console.log(`
Next:
  1. Change the request/response fields in packages/contracts/src/rpcs/${n.kebab}.ts.
  2. Write the logic in apps/server/src/${n.domain}/${n.kebab}.ts (synchronous; refuse with rpcError(reason, detail)).
  3. Call it from a scene: ${n.call}(net, {...}) from apps/game/src/net/rpcs/${n.kebab}.ts.
  4. Test: cd apps/server && node scripts/build.mjs && pnpm vitest run --project integration test/integration/${n.kebab}.test.ts`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
