import { Orientation } from "@gift-grab/simulation";
import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const RACE_WITH_BOTS = "race_with_bots";

/**
 * Opens a race for the caller alone, every other seat a bot the server plays: what a client
 * does when the matchmaker found nobody within RaceMatchmaker.searchMs. The caller joins the
 * match over the socket as for a live round. Counts against the same starts a minute as
 * live_round_create. Refusal: `rate_limited` (code 8, HTTP 429).
 */
export const raceWithBots = defineRpc({
  id: RACE_WITH_BOTS,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** Santas on the field, the caller's included: 2–4, default 4. */
    seats: z.optional(z.int().check(z.gte(2), z.lte(4))),
    orientation: z.optional(Orientation),
  }),
  response: z.strictObject({
    match_id: z.string(),
    duration_ms: z.int().check(z.positive()),
  }),
});
