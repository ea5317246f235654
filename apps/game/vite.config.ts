import { defineConfig, type Plugin } from "vitest/config";

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

export default defineConfig(({ mode }) => ({
  plugins: mode === "test" ? [testEntry()] : [],
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
