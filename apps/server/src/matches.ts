/**
 * The module's authoritative match handlers (registerMatch). Bundled apart from main.ts
 * (scripts/build-module.mjs): every match runs in a VM of its own, which evaluates only this
 * chunk, so a match costs what its handler imports, not the whole module.
 */
import { LIVE_ROUND_MATCH } from "@gift-grab/contracts";
import { liveRoundMatch } from "./rounds/live/match";
import type { MatchRegistry } from "./runtime/registry";

export const matches: MatchRegistry = {
  [LIVE_ROUND_MATCH]: liveRoundMatch,
};
