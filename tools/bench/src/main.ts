// npm run bench [-- --players 200 --sockets 1000 --rounds 2 --round-ms 30000 --live-counts 100,200]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatTable, runBench } from "./bench";
import { appendBenchLog, benchLogRow, currentCommit } from "./bench-log";
import { formatLiveRounds, measureLiveRounds } from "./live-rounds";
import { formatReplayCost, measureReplayCost } from "./replay-cost";

const { values } = parseArgs({
  options: {
    players: { type: "string", default: "200" },
    sockets: { type: "string", default: "1000" },
    rounds: { type: "string", default: "2" },
    // Full-length rounds: round_submit replays every tick, so its cost grows with the round.
    "round-ms": { type: "string", default: "30000" },
    // Concurrent live rounds to try, ascending (empty: skip); `npm run bench:live` runs only these.
    "live-counts": { type: "string", default: "100,200,300,400,500" },
  },
});
const result = await runBench({
  players: Number(values.players),
  sockets: Number(values.sockets),
  rounds: Number(values.rounds),
  roundMs: Number(values["round-ms"]),
});
const replayCost = await measureReplayCost();
const liveCounts = String(values["live-counts"]).split(",").filter(Boolean).map(Number);
const live = liveCounts.length
  ? await measureLiveRounds({ counts: liveCounts, roundMs: Number(values["round-ms"]) })
  : null;
console.log(
  `\n${formatTable(result)}\n${formatReplayCost(replayCost)}${live ? `\n${formatLiveRounds(live)}` : ""}`,
);
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../bench/results");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify({ ...result, replay: replayCost, live }, null, 2));
const repoRoot = path.resolve(dir, "../..");
const log = path.join(repoRoot, "docs/bench-log.md");
appendBenchLog(
  log,
  benchLogRow(result, replayCost, { at: new Date(), commit: currentCommit(repoRoot) }),
);
console.log(
  `\nwritten: ${path.relative(process.cwd(), file)}; a row appended to docs/bench-log.md`,
);
