import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";

const here = path.dirname(fileURLToPath(import.meta.url));
const phaserSrc = path.join(
  path.dirname(createRequire(import.meta.url).resolve("phaser/package.json")),
  "src",
);

/**
 * Phaser's sources test build flags with `typeof FLAG` (its own webpack defines them): the
 * renderers stay, sound, WebGL debugging (Spector) and the optional plugins go.
 */
const PHASER_FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
function phaserFlags(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join("|")})\\b`, "g");
  return {
    name: "gift-grab-phaser-flags",
    enforce: "pre",
    transform(code, id) {
      if (!id.startsWith(phaserSrc) || !code.includes("typeof ")) return null;
      return {
        code: code.replace(pattern, (_, flag: string) => String(PHASER_FLAGS[flag])),
        map: null,
      };
    },
  };
}

/**
 * `vite build --mode test` (build:test → dist-test, what the e2e and the fps bench load) starts
 * from test-entry/main.ts instead of src/main.ts; every other build is the product's.
 */
function testEntry(): Plugin {
  return {
    name: "gift-grab-test-entry",
    transformIndexHtml: {
      order: "pre",
      handler: (html) => html.replace('src="/src/main.ts"', 'src="/test-entry/main.ts"'),
    },
  };
}

export default defineConfig(({ command, mode }) => ({
  plugins: [
    ...(mode === "test" ? [testEntry()] : []),
    ...(command === "build" ? [phaserFlags()] : []),
  ],
  // Builds ship phaser-slim/phaser.js, the parts of Phaser the game uses (the dev server and the
  // unit tests load the whole of it).
  resolve:
    command === "build"
      ? {
          alias: [
            { find: /^phaser$/, replacement: path.join(here, "phaser-slim/phaser.js") },
            { find: /^phaser-src\//, replacement: `${phaserSrc}/` },
          ],
        }
      : {},
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: true,
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
}));
