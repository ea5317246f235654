// Builds dist/index.js, the single file Nakama's JavaScript VM loads (steps in build-module.mjs).
import path from "node:path";
import { buildModule, serverRoot } from "./build-module.mjs";

const { bytes, rpcs, hooks, matches } = await buildModule({
  entry: path.join(serverRoot, "src/main.ts"),
  matchEntry: path.join(serverRoot, "src/matches.ts"),
  deferred: [path.join(serverRoot, "src/rounds/live/round-end.ts")],
  outfile: path.join(serverRoot, "dist/index.js"),
});
console.log(
  `dist/index.js: ${(bytes / 1024).toFixed(1)} KiB, ${rpcs.length} RPCs, ${hooks.length} hooks, ${matches.length} match handlers; Nakama AST rules ok`,
);
