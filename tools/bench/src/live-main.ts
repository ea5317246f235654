// npm run bench:live [-- --counts 50,100,200,400 --round-ms 30000]
import { parseArgs } from "node:util";
import { formatLiveRounds, measureLiveRounds } from "./live-rounds";

const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "50,100,200,300,400,500" },
    "round-ms": { type: "string", default: "30000" },
  },
});
const result = await measureLiveRounds({
  counts: String(values.counts).split(",").map(Number),
  roundMs: Number(values["round-ms"]),
});
console.log(`\n${formatLiveRounds(result)}`);
