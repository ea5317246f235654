// `npm run new:rpc` in a fresh clone of HEAD: the generated RPC lands in the folders the
// project's own RPCs use, typechecks, lints, builds into a bundle that passes Nakama's AST
// rules, and its generated test passes against a real Nakama (with session_check's test
// routing every id in allRpcs to its own handler).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneHead, mustRun, run } from "./clone";

let clone: ReturnType<typeof cloneHead>;
beforeAll(() => {
  clone = cloneHead("new-rpc");
});
afterAll(() => clone?.remove());

const newRpc = (...args: string[]) =>
  run("npm", ["run", "--silent", "new:rpc", "--", ...args], clone.dir);

/**
 * new:rpc's command in this process, from the clone's own source (its repo root is the
 * clone): the refusal's message, or "" if it wrote.
 */
async function newRpcInProcess(spec: string): Promise<string> {
  const devkit = path.join(clone.dir, "tools/devkit/src");
  const { main } = await import(path.join(devkit, "commands/new-rpc.ts"));
  const { SetupError } = await import(path.join(devkit, "log.ts"));
  try {
    await main([spec]);
    return "";
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    return (err as Error).message;
  }
}

const clean = () => mustRun("git", ["status", "--porcelain"], clone.dir).stdout;

describe("npm run new:rpc in a fresh clone", () => {
  it("refuses through npm run with exit code 1, a clear message, and writes nothing", () => {
    const r = newRpc("claim_reward");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("names no domain: write <domain>/<snake_case_id>");
    expect(clean()).toBe("");
  });

  // The command's checks, each refusal run in this one process (a process per refusal through
  // npm run cost 3–5 s each).
  it.each([
    ["no domain", "claim_reward", "names no domain: write <domain>/<snake_case_id>"],
    ["a bad domain name", "Rounds/claim_reward", "not a domain folder name"],
    ["runtime/ as a domain", "runtime/claim_reward", "runtime/ holds what all domains share"],
    ["not snake_case", "rounds/ClaimReward", "not a snake_case RPC id"],
    ["kebab-case", "rounds/claim-reward", "not a snake_case RPC id"],
    ["a leading digit", "rounds/1st_prize", "not a snake_case RPC id"],
    ["a reserved word", "rounds/delete", "reserved word"],
    ["an existing id", "sessions/session_check", "already exists"],
    ["an existing id in another domain", "rounds/session_check", "already exists"],
  ])("refuses %s with a clear message and writes nothing", async (_what, name, message) => {
    expect(await newRpcInProcess(name)).toContain(message);
    expect(clean()).toBe("");
  });

  it("writes an RPC where the project's own RPCs live, which typechecks, lints and passes its real-server test", async () => {
    // Where the project's own RPCs live: a contract and a client call a file each, the handler
    // in its domain's folder.
    const homes = [
      "packages/contracts/src/rpcs",
      "apps/server/src/rounds",
      "apps/game/src/net/rpcs",
    ];
    for (const rel of homes) expect(fs.existsSync(path.join(clone.dir, rel)), rel).toBe(true);

    const r = newRpc("rounds/claim_reward");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const written = mustRun("git", ["status", "--porcelain", "--untracked-files=all"], clone.dir)
      .stdout.split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3))
      .sort();
    expect(written).toEqual(
      [
        ...homes.map((rel) => `${rel}/claim-reward.ts`),
        "apps/server/test/integration/claim-reward.test.ts",
        "apps/server/src/main.ts",
        "packages/contracts/src/rpcs/index.ts",
      ].sort(),
    );
    const read = (rel: string) => fs.readFileSync(path.join(clone.dir, rel), "utf8");
    expect(read("apps/server/src/main.ts")).toMatch(
      /import \{ claimRewardHandler \} from "\.\/rounds\/claim-reward";/,
    );
    expect(read("apps/server/src/main.ts")).toMatch(
      /rpcRegistry\(allRpcs, \[[^\]]*\bclaimRewardHandler,\s*\]\)/,
    );
    expect(read("packages/contracts/src/rpcs/index.ts")).toMatch(
      /allRpcs = \[[^\]]*\bclaimReward,\s*\] as const/,
    );
    expect(read("apps/server/src/rounds/claim-reward.ts")).toContain(
      "export const claimRewardHandler = defineHandler(claimReward, {",
    );

    // The same id again is refused now that it exists, also under another domain.
    const before = mustRun("git", ["status", "--porcelain", "--untracked-files=all"], clone.dir);
    expect(await newRpcInProcess("rounds/claim_reward")).toContain("already exists");
    expect(await newRpcInProcess("stats/claim_reward")).toContain("already exists");
    expect(
      mustRun("git", ["status", "--porcelain", "--untracked-files=all"], clone.dir).stdout,
    ).toBe(before.stdout);

    const scope = [
      "--filter",
      "./packages/contracts",
      "--filter",
      "./apps/server",
      "--filter",
      "./apps/game",
    ];
    mustRun("pnpm", [...scope, "run", "typecheck"], clone.dir);
    mustRun("pnpm", [...scope, "run", "lint"], clone.dir);

    const server = path.join(clone.dir, "apps/server");
    const build = mustRun("node", ["scripts/build.mjs"], server);
    expect(build.stdout).toContain("Nakama AST rules ok");
    expect(fs.readFileSync(path.join(server, "dist/index.js"), "utf8")).toContain(
      'initializer.registerRpc("claim_reward", rpc_claim_reward);',
    );
    const report = path.join(clone.dir, "integration-report.json");
    run(
      "pnpm",
      [
        "exec",
        "vitest",
        "run",
        "--project",
        "integration",
        "--reporter=json",
        `--outputFile.json=${report}`,
        "test/integration/claim-reward.test.ts",
        "test/integration/session-check.test.ts",
      ],
      server,
    );
    const results = JSON.parse(fs.readFileSync(report, "utf8")) as {
      numFailedTests: number;
      testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
    };
    const failed = results.testResults.flatMap((f) =>
      f.assertionResults.filter((a) => a.status !== "passed").map((a) => a.fullName),
    );
    expect(failed).toEqual([]);
    const generated = results.testResults.find((f) => f.name.endsWith("claim-reward.test.ts"));
    expect(generated?.assertionResults.map((a) => a.status)).toEqual([
      "passed",
      "passed",
      "passed",
      "passed",
    ]);
    expect(results.testResults).toHaveLength(2);
  });
});
