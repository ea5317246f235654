import { Orientation } from "@gift-grab/simulation";
import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const LIVE_ROUND_CREATE = "live_round_create";

/**
 * Opens a ranked live round: the server creates an authoritative match (LIVE_ROUND_MATCH)
 * with a seat reserved for the caller, who joins it over the socket (joinMatch(match_id)).
 * The seed stays in the match. Refusal: `rate_limited` (code 8, HTTP 429).
 */
export const liveRoundCreate = defineRpc({
  id: LIVE_ROUND_CREATE,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** The field as the player's screen shows it; default landscape. */
    orientation: z.optional(Orientation),
  }),
  response: z.strictObject({
    /** The match to join over the socket. */
    match_id: z.string(),
    /** How long the round lasts once it starts. */
    duration_ms: z.int().check(z.positive()),
  }),
});
