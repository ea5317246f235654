/**
 * What a match does when its round is over: write the results (results.ts, a race's
 * results-race.ts). The build defers this module (scripts/build-module.mjs, `deferred`): the
 * match chunk calls it through a stub and a match's VM evaluates it only at the round's end, so
 * a playing match never builds what only the end uses (storage, the boards, the stored records'
 * zod schemas). Export functions only.
 */
export { writeResults } from "./results";
export { writeRaceResults } from "./results-race";
