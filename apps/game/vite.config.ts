import { defineConfig } from "vitest/config";

export default defineConfig({
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
});
