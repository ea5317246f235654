// pnpm --filter @gift-grab/bench bench:races [--counts 25,50,100,150 --round-ms 30000 --searchers 100 --arrive-ms 5000]
// (pnpm forwards the options as they are; a literal `--` before them would end parseArgs' options)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appendRaceLog, currentCommit, raceLogRow } from "./bench-log";
import { DEFAULT_ARRIVE_MS } from "./live-rounds";
import { formatRaces, measureRaces } from "./races";

const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "25,50,100,150,200" },
    "round-ms": { type: "string", default: "30000" },
    "arrive-ms": { type: "string", default: String(DEFAULT_ARRIVE_MS) },
    searchers: { type: "string", default: "100" },
  },
});
const result = await measureRaces({
  counts: String(values.counts).split(",").map(Number),
  roundMs: Number(values["round-ms"]),
  arriveMs: Number(values["arrive-ms"]),
  searchers: Number(values.searchers),
});
console.log(`\n${formatRaces(result)}`);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
// A run of another build (LIVE_BENCH_MODULE) is a comparison, not this commit's figure.
if (!process.env.LIVE_BENCH_MODULE)
  appendRaceLog(
    path.join(repoRoot, "docs/bench-log.md"),
    raceLogRow(result, { at: new Date(), commit: currentCommit(repoRoot) }),
  );
console.log(
  process.env.LIVE_BENCH_MODULE
    ? "no row logged (another build)"
    : "a row appended to docs/bench-log.md (Races)",
);
