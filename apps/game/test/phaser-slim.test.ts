import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The product ships phaser-slim/phaser.js, which registers only the game object kinds it
 * imports: a scene calling `add.<kind>` or `make.<kind>` for a kind it leaves out gets
 * `undefined is not a function` in a player's browser, on a screen a test may never open.
 * So every call in src is matched here against what phaser-slim's imports register.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const phaserSrc = path.join(
  path.dirname(createRequire(import.meta.url).resolve("phaser/package.json")),
  "src",
);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

/** `add.text(`, `make.graphics(`, also across a line break (`add\n  .text(`). */
function used(kind: "add" | "make"): Set<string> {
  const pattern = new RegExp(`\\b${kind}\\s*\\.\\s*([a-z][A-Za-z]*)\\s*\\(`, "g");
  const found = new Set<string>();
  for (const file of [
    ...sources(path.join(root, "src")),
    ...sources(path.join(root, "test-entry")),
  ]) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(pattern)) found.add(m[1] as string);
  }
  // The factory's own method, not a kind.
  found.delete("existing");
  return found;
}

/** What phaser-slim's imports register with GameObjectFactory / GameObjectCreator. */
function registered(registry: "GameObjectFactory" | "GameObjectCreator"): Set<string> {
  const slim = fs.readFileSync(path.join(root, "phaser-slim/phaser.js"), "utf8");
  const found = new Set<string>();
  for (const m of slim.matchAll(/from "phaser-src\/([^"]+)"|import "phaser-src\/([^"]+)"/g)) {
    const file = path.join(phaserSrc, (m[1] ?? m[2]) as string);
    const code = fs.readFileSync(file, "utf8");
    for (const r of code.matchAll(new RegExp(`${registry}\\.register\\('([A-Za-z]+)'`, "g")))
      found.add(r[1] as string);
  }
  return found;
}

describe("phaser-slim", () => {
  it("registers every game object kind the game adds", () => {
    const missing = [...used("add")].filter((k) => !registered("GameObjectFactory").has(k));
    expect(used("add").size).toBeGreaterThan(3);
    expect(missing, "add.<kind> with no factory in phaser-slim/phaser.js").toEqual([]);
  });

  it("registers every game object kind the game makes", () => {
    const missing = [...used("make")].filter((k) => !registered("GameObjectCreator").has(k));
    expect(used("make").size).toBeGreaterThan(0);
    expect(missing, "make.<kind> with no creator in phaser-slim/phaser.js").toEqual([]);
  });
});
