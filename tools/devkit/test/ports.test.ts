import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { findFreePortBlock, releasePortBlock } from "../src/ports";

const claimOf = (base: number) => path.join(os.tmpdir(), `gift-grab-port-block-${base}`);

test("a claimed block is this process's until released, and released leaves no file behind", async () => {
  const base = await findFreePortBlock(10);
  expect(base).toBeGreaterThanOrEqual(20000);
  expect(base + 10).toBeLessThanOrEqual(32768);
  expect(fs.readFileSync(claimOf(base), "utf8")).toBe(String(process.pid));
  const other = await findFreePortBlock(10);
  expect(other).not.toBe(base);
  releasePortBlock(base);
  releasePortBlock(other);
  expect(fs.existsSync(claimOf(base))).toBe(false);
  expect(fs.existsSync(claimOf(other))).toBe(false);
});

test("releasing gives back only this process's claim: a second release leaves another's be", async () => {
  const base = await findFreePortBlock(10);
  // As if released and claimed since by another live process (pid 1), rewritten in place.
  fs.writeFileSync(claimOf(base), "1");
  releasePortBlock(base);
  expect(fs.readFileSync(claimOf(base), "utf8")).toBe("1");
  fs.rmSync(claimOf(base));
});

test("a block claimed by a live process is skipped; one left by a process that has exited lapses", async () => {
  const base = await findFreePortBlock(10);
  // The range holds only that block.
  await expect(findFreePortBlock(10, base, base + 10)).rejects.toThrow(/no free block/);
  // Now the claim is a dead process's (above the kernel's pid_max: no such pid), rewritten in
  // place so that no other process can claim the block in between.
  fs.writeFileSync(claimOf(base), "4194305");
  expect(await findFreePortBlock(10, base, base + 10)).toBe(base);
  expect(fs.readFileSync(claimOf(base), "utf8")).toBe(String(process.pid));
  releasePortBlock(base);
});
