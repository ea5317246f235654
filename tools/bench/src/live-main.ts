// npm run bench:live [-- --counts 50,100,200,400 --round-ms 30000 --arrive-ms 5000]
import { parseArgs } from "node:util";
import { DEFAULT_ARRIVE_MS, formatLiveRounds, measureLiveRounds } from "./live-rounds";

const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "50,100,200,300,400,500" },
    "round-ms": { type: "string", default: "30000" },
    "arrive-ms": { type: "string", default: String(DEFAULT_ARRIVE_MS) },
  },
});
const result = await measureLiveRounds({
  counts: String(values.counts).split(",").map(Number),
  roundMs: Number(values["round-ms"]),
  arriveMs: Number(values["arrive-ms"]),
});
console.log(`\n${formatLiveRounds(result)}`);
