// biome-ignore-all lint/correctness/noUnusedVariables: Nakama finds InitModule by name
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: Nakama passes all four
// The baseline for `npm run bench`: the same Nakama build with no hooks and no RPCs, and one
// NON-authoritative board that clients write directly (the original Gift Grab's way).
function InitModule(ctx, logger, nk, initializer) {
  nk.leaderboardCreate("bench_baseline", false, "descending", "best", "0 0 * * 1", {}, true);
}
