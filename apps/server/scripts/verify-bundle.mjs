// Checks a bundle against the rules Nakama's JavaScript runtime applies when it parses
// the module (server/runtime_javascript_init.go). Breaking them fails at load time or,
// worse, silently: an RPC id that is not a literal or top-level constant makes every
// RPC resolve to the first registered handler.
import * as acorn from "acorn";

export class BundleRuleError extends Error {
  name = "BundleRuleError";
}

function fail(message) {
  throw new BundleRuleError(`Nakama AST rule broken: ${message}`);
}

function isRegisterCall(node, initializerName) {
  return (
    node?.type === "CallExpression" &&
    node.callee.type === "MemberExpression" &&
    node.callee.object.type === "Identifier" &&
    node.callee.object.name === initializerName &&
    node.callee.property.type === "Identifier" &&
    node.callee.property.name.startsWith("register")
  );
}

function walk(node, visit) {
  if (!node || typeof node.type !== "string") return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value.type === "string") walk(value, visit);
  }
}

/**
 * @param {string} source
 * @returns {{ rpcs: { id: string; handler: string }[]; hooks: { method: string; handler: string }[]; matches: { name: string; callbacks: Record<string, string> }[] }}
 */
export function verifyBundle(source) {
  let program;
  try {
    program = acorn.parse(source, { ecmaVersion: "latest", sourceType: "script" });
  } catch (err) {
    fail(`the bundle must be a plain script (no import/export): ${err.message}`);
  }

  const topFunctions = new Set();
  const topStringConsts = new Map();
  let init;
  for (const stmt of program.body) {
    if (stmt.type === "FunctionDeclaration") {
      topFunctions.add(stmt.id.name);
      if (stmt.id.name === "InitModule") init = stmt;
    }
    if (stmt.type === "VariableDeclaration") {
      for (const d of stmt.declarations) {
        if (d.id.type !== "Identifier") continue;
        if (d.init?.type === "Literal" && typeof d.init.value === "string") {
          topStringConsts.set(d.id.name, d.init.value);
        }
        if (d.init?.type === "FunctionExpression" || d.init?.type === "ArrowFunctionExpression") {
          topFunctions.add(d.id.name);
        }
      }
    }
  }
  if (!init) fail("no top-level `function InitModule(ctx, logger, nk, initializer)`");
  if (init.params.length !== 4 || init.params[3].type !== "Identifier") {
    fail("InitModule must take 4 plain parameters (ctx, logger, nk, initializer)");
  }
  const initializer = init.params[3].name;

  const direct = new Set();
  const statements = [];
  const collect = (body) => {
    for (const stmt of body) {
      if (stmt.type === "TryStatement") collect(stmt.block.body);
      else statements.push(stmt);
    }
  };
  collect(init.body.body);

  const rpcs = [];
  const hooks = [];
  const matches = [];
  for (const stmt of statements) {
    if (stmt.type !== "ExpressionStatement" || stmt.expression.type !== "CallExpression") continue;
    const call = stmt.expression;
    // Nakama type-asserts the callee's object to an identifier: `a.b.c()` here panics at load.
    if (call.callee.type === "MemberExpression" && call.callee.object.type !== "Identifier") {
      fail(
        `a call statement in InitModule must be on a plain identifier (line ${call.loc?.start.line ?? "?"})`,
      );
    }
    if (!isRegisterCall(call, initializer)) continue;
    direct.add(call);
    const method = call.callee.property.name;
    const [first, second] = call.arguments;
    if (method === "registerRpc") {
      let id;
      if (first?.type === "Literal" && typeof first.value === "string") id = first.value;
      else if (first?.type === "Identifier" && topStringConsts.has(first.name))
        id = topStringConsts.get(first.name);
      else fail(`registerRpc id must be a string literal or a top-level string constant`);
      if (second?.type !== "Identifier" || !topFunctions.has(second.name)) {
        fail(`registerRpc("${id}") handler must be an identifier naming a top-level function`);
      }
      if (rpcs.some((r) => r.id === id)) fail(`RPC "${id}" registered twice`);
      rpcs.push({ id, handler: second.name });
    } else if (method === "registerMatch") {
      matches.push(verifyMatch(first, second, topFunctions, matches));
    } else {
      const handler = call.arguments.at(-1);
      if (handler?.type !== "Identifier" || !topFunctions.has(handler.name)) {
        fail(`${method} handler must be an identifier naming a top-level function`);
      }
      hooks.push({ method, handler: handler.name });
    }
  }

  walk(program, (node) => {
    if (isRegisterCall(node, initializer) && !direct.has(node)) {
      fail(`${node.callee.property.name} must be a direct statement of InitModule's body`);
    }
  });
  return { rpcs, hooks, matches };
}

/** The callbacks Nakama looks up in a registerMatch object (runtime_javascript_init.go). */
export const MATCH_CALLBACKS = [
  "matchInit",
  "matchJoinAttempt",
  "matchJoin",
  "matchLeave",
  "matchLoop",
  "matchTerminate",
  "matchSignal",
];

/**
 * registerMatch(name, { matchInit: fn, … }): Nakama reads the name and the object from the
 * AST. The name must be a string literal; the object a literal holding each callback under
 * a plain (unquoted: Nakama compares the key's source text) key, naming a top-level function.
 */
function verifyMatch(first, second, topFunctions, seen) {
  if (first?.type !== "Literal" || typeof first.value !== "string")
    fail("registerMatch's name must be a string literal");
  const name = first.value;
  if (seen.some((m) => m.name === name)) fail(`match "${name}" registered twice`);
  if (second?.type !== "ObjectExpression")
    fail(`registerMatch("${name}") handler must be an object literal`);
  const callbacks = {};
  for (const prop of second.properties) {
    if (prop.type !== "Property" || prop.computed || prop.key.type !== "Identifier")
      fail(`registerMatch("${name}"): each key must be a plain identifier`);
    if (prop.value.type !== "Identifier" || !topFunctions.has(prop.value.name))
      fail(`registerMatch("${name}").${prop.key.name} must name a top-level function`);
    callbacks[prop.key.name] = prop.value.name;
  }
  for (const fn of MATCH_CALLBACKS)
    if (!callbacks[fn]) fail(`registerMatch("${name}") has no ${fn}`);
  return { name, callbacks };
}
