import { Orientation } from "@gift-grab/simulation";
import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const RACE_LOBBY_CREATE = "race_lobby_create";

/**
 * Opens a private race lobby (docs/realtime.md "Racing a friend"): a match with the caller's
 * seat reserved, and a code friends join it by (race_lobby_join). The caller is its host: only
 * the host starts the race (race_lobby_start). The code works until `expires_at` or until the
 * race begins. Counts against the same starts a minute as live_round_create. Refusal:
 * `rate_limited` (code 8, HTTP 429).
 */
export const raceLobbyCreate = defineRpc({
  id: RACE_LOBBY_CREATE,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** Seats at most, the host's included: 2–4, default 4. */
    seats: z.optional(z.int().check(z.gte(2), z.lte(4))),
    orientation: z.optional(Orientation),
  }),
  response: z.strictObject({
    /** 10 letters of RaceLobby.alphabet; show it as XXXXX-XXXXX. */
    code: z.string(),
    /** The query a shared link carries: `?race=<code>` (RaceLobby.linkParam). */
    link_query: z.string(),
    /** The match to join over the socket (the host joins it now, to be in the lobby). */
    match_id: z.string(),
    /** Epoch ms after which the code is refused and an unstarted lobby closes. */
    expires_at: z.int().check(z.positive()),
    duration_ms: z.int().check(z.positive()),
  }),
});
