import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clusterTemplate, findPgBin } from "../../src/postgres";

// In a folder of this file's own: the real template in the temp folder is shared by every test
// stack running meanwhile.
const parent = fs.mkdtempSync(path.join(os.tmpdir(), "gift-grab-template-test-"));
fs.chmodSync(parent, 0o755);
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

const pgBin = () => {
  const bin = findPgBin();
  if (!bin) throw new Error("no Postgres binaries: npm run setup installs them");
  return bin;
};

describe("the cluster test stacks copy", () => {
  it("is made once by stacks starting together, with nothing left of the losers", async () => {
    const dirs = await Promise.all([1, 2].map(() => clusterTemplate(pgBin(), parent)));
    expect(new Set(dirs).size).toBe(1);
    expect(fs.existsSync(path.join(dirs[0] as string, "global", "pg_control"))).toBe(true);
    expect(fs.readdirSync(parent)).toEqual([path.basename(path.dirname(dirs[0] as string))]);
  });

  it("is made again when part of it is gone", async () => {
    const dir = await clusterTemplate(pgBin(), parent);
    fs.rmSync(path.join(dir, "global"), { recursive: true });
    expect(await clusterTemplate(pgBin(), parent)).toBe(dir);
    expect(fs.existsSync(path.join(dir, "global", "pg_control"))).toBe(true);
  });
});
