// npm run bench [-- --players 200 --sockets 1000 --rounds 2 --round-ms 30000 --live-counts 100,200]
//   abuse section: [--attack-sec 30 --abuse-round-ms 30000 --honest 30 --attack-concurrency 16]
//   [--abuse-only] runs the abuse section alone (e.g. --attack-sec 5 --abuse-round-ms 3000 to try it)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatAbuse, runAbuse } from "./abuse";
import { formatTable, runBench } from "./bench";
import { appendBenchLog, benchLogRow, currentCommit } from "./bench-log";
import { formatLiveRounds, measureLiveRounds } from "./live-rounds";
import { formatReplayCost, measureReplayCost } from "./replay-cost";

const { values } = parseArgs({
  // pnpm passes the "--" of `pnpm run bench -- …` through.
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    players: { type: "string", default: "200" },
    sockets: { type: "string", default: "1000" },
    rounds: { type: "string", default: "2" },
    // Full-length rounds, as players play them (the live rounds' length too).
    "round-ms": { type: "string", default: "30000" },
    // Concurrent live rounds to try, ascending (empty: skip); `npm run bench:live` runs only these.
    "live-counts": { type: "string", default: "100,200,300,400,500" },
    "attack-sec": { type: "string", default: "30" },
    "abuse-round-ms": { type: "string", default: "30000" },
    honest: { type: "string", default: "30" },
    "attack-concurrency": { type: "string", default: "16" },
    "abuse-only": { type: "boolean", default: false },
  },
});
const result = values["abuse-only"]
  ? undefined
  : await runBench({
      players: Number(values.players),
      sockets: Number(values.sockets),
      rounds: Number(values.rounds),
      roundMs: Number(values["round-ms"]),
    });
const replayCost = values["abuse-only"] ? undefined : await measureReplayCost();
const abuse = await runAbuse({
  attackSec: Number(values["attack-sec"]),
  roundMs: Number(values["abuse-round-ms"]),
  honest: Number(values.honest),
  attackConcurrency: Number(values["attack-concurrency"]),
});
const liveCounts = values["abuse-only"]
  ? []
  : String(values["live-counts"]).split(",").filter(Boolean).map(Number);
const live = liveCounts.length
  ? await measureLiveRounds({ counts: liveCounts, roundMs: Number(values["round-ms"]) })
  : null;
if (result && replayCost) console.log(`\n${formatTable(result)}\n${formatReplayCost(replayCost)}`);
if (live) console.log(`\n${formatLiveRounds(live)}`);
console.log(`\n${formatAbuse(abuse)}`);
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../bench/results");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify({ ...result, replay: replayCost, live, abuse }, null, 2));
if (result && replayCost) {
  const repoRoot = path.resolve(dir, "../..");
  appendBenchLog(
    path.join(repoRoot, "docs/bench-log.md"),
    benchLogRow(result, replayCost, { at: new Date(), commit: currentCommit(repoRoot) }),
  );
  console.log("a row appended to docs/bench-log.md");
}
console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
