import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const RACE_LOBBY_REMATCH = "race_lobby_rematch";

/**
 * After the race's END, any of its players asks for another with the same people: a new match
 * with the same seats (the same players in the same places, bots where bots were), under the
 * same code, which works for another RaceLobby.ttlMs. Players still in the old match get
 * REMATCH (op 14) with the new match id; anyone else asks race_lobby_join with the code. It
 * begins when every player is in (or after LIVE_RACE_JOIN_WAIT_MS, with bots for who didn't
 * come). Spends one of the asker's round starts; asked again while the rematch gathers its
 * players, it answers that rematch and spends nothing. Refusals: `race_code_unknown` (404),
 * `race_not_seated` (403), `round_not_over` (9, HTTP 400: the race is still on or never
 * started), `rate_limited` (429).
 */
export const raceLobbyRematch = defineRpc({
  id: RACE_LOBBY_REMATCH,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    code: z.string().check(z.minLength(1), z.maxLength(32)),
  }),
  response: z.strictObject({
    match_id: z.string(),
    expires_at: z.int().check(z.positive()),
  }),
});
