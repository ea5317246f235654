#!/usr/bin/env node
// npm run new:rpc -- <snake_name>: adds one RPC along the project's one path (docs/adding-an-rpc.md):
//   packages/contracts/src/rpcs/<name>.ts      contract: id constant, request and response schemas
//   packages/contracts/src/rpcs/index.ts       export + an entry in allRpcs
//   apps/server/src/rpcs/<name>.ts             handler through handleRpc
//   apps/server/src/main.ts                    one line in the `rpcs` registry (build.mjs generates InitModule)
//   apps/game/src/net/rpcs/<name>.ts           typed client call through GameNet.rpc
//   apps/server/test/integration/<name>.test.ts  real-server test
// Shared files are edited at their "new:rpc inserts above this line" markers. Nothing is
// written unless every edit can be made.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARKER = "// new:rpc inserts above this line";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined"
  ).split(" "),
);

class Refusal extends Error {}

export function names(id) {
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
    constant: id.toUpperCase(),
    camel,
    handler: `rpc${pascal}`,
    call: `call${pascal}`,
    kebab: words.join("-"),
  };
}

const files = (n) => ({
  contract: `packages/contracts/src/rpcs/${n.kebab}.ts`,
  contractsIndex: "packages/contracts/src/rpcs/index.ts",
  handler: `apps/server/src/rpcs/${n.kebab}.ts`,
  registry: "apps/server/src/main.ts",
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

/** Inserts `line` above the marker, with the marker's indentation. */
function aboveMarker(text, rel, line) {
  const i = text.indexOf(MARKER);
  if (i < 0) {
    throw new Refusal(
      `${rel} has lost its "${MARKER}" comment: put it back where new entries go, then run this again`,
    );
  }
  const lineStart = text.lastIndexOf("\n", i) + 1;
  const indent = text.slice(lineStart, i);
  return `${text.slice(0, lineStart)}${indent}${line}\n${text.slice(lineStart)}`;
}

/** Inserts `lines` after the file's last top-level import/export-from statement. */
function afterImports(
  text,
  lines,
  pattern = /^(import|export)\b[^;]*?\bfrom\s+["'][^"']+["'];[ \t]*$/gms,
) {
  let end = 0;
  for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
  const insert = `${lines.join("\n")}\n`;
  if (end === 0) return insert + text;
  return `${text.slice(0, end)}\n${insert.replace(/\n$/, "")}${text.slice(end)}`;
}

const templates = {
  contract: (n) => `import * as z from "zod/mini";
import { defineRpc } from "../rpc";

/** RPC ids are top-level string constants: Nakama's registration parser needs exactly that. */
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
import { handleRpc } from "../runtime/handle-rpc";

/** ${n.id}: input is already validated against the contract; return the response object. */
export const ${n.handler}: nkruntime.RpcFunction = (ctx, logger, _nk, payload) =>
  handleRpc(${n.camel}, ctx, logger, payload, (input, userId) => ({
    message: input.message,
    user_id: userId,
  }));
`,
  client: (
    n,
  ) => `import { ${n.camel}, type RpcRequest, type RpcResponse } from "@gift-grab/contracts";
import type { GameNet } from "../types";

/** Calls ${n.id}; input and response are checked against the contract by GameNet.rpc. */
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
export function plan(id) {
  const n = names(id);
  const f = files(n);
  refuseTaken(n, f);

  let index = read(f.contractsIndex);
  index = afterImports(
    index,
    [`import { ${n.camel} } from "./${n.kebab}";`],
    /^import\b[^;]*?\bfrom\s+["'][^"']+["'];[ \t]*$/gms,
  );
  index = afterImports(index, [`export * from "./${n.kebab}";`]);
  index = aboveMarker(index, f.contractsIndex, `${n.camel},`);

  let registry = read(f.registry);
  registry = afterImports(
    registry,
    [
      `import { ${n.constant} } from "@gift-grab/contracts";`,
      `import { ${n.handler} } from "./rpcs/${n.kebab}";`,
    ],
    /^import\b[^;]*?\bfrom\s+["'][^"']+["'];[ \t]*$/gms,
  );
  registry = aboveMarker(registry, f.registry, `[${n.constant}]: ${n.handler},`);

  return {
    names: n,
    writes: [
      [f.contract, templates.contract(n)],
      [f.contractsIndex, index],
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
  const id = argv[0];
  if (!id || argv.length > 1) {
    console.error(
      "usage: npm run new:rpc -- <snake_case_id>   e.g. npm run new:rpc -- claim_reward",
    );
    return 2;
  }
  let p;
  try {
    p = plan(id);
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
  2. Write the logic in apps/server/src/rpcs/${n.kebab}.ts (synchronous; refuse with rpcError(reason, detail)).
  3. Call it from a scene: ${n.call}(net, {...}) from apps/game/src/net/rpcs/${n.kebab}.ts.
  4. Test: cd apps/server && node scripts/build.mjs && pnpm vitest run --project integration test/integration/${n.kebab}.test.ts`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
