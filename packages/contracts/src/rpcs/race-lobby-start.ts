import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";

export const RACE_LOBBY_START = "race_lobby_start";

/**
 * The host starts the lobby's race: its seats are the players who reserved one, and with `bots`
 * the empty seats up to the lobby's size are played by the server (a race needs two Santas: a
 * host alone gets one bot either way). START goes to every seat when all are in the match (a
 * player who reserved a seat and doesn't come within LIVE_RACE_JOIN_WAIT_MS is played by a
 * bot). Refusals: `race_code_unknown` (404), `race_not_host` (7, HTTP 403), `race_started`
 * (409).
 */
export const raceLobbyStart = defineRpc({
  id: RACE_LOBBY_START,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    code: z.string().check(z.minLength(1), z.maxLength(32)),
    /** Fill the empty seats with bots; default false (they stay empty). */
    bots: z.optional(z.boolean()),
  }),
  response: z.strictObject({
    match_id: z.string(),
    /** Santas on the field. */
    seats: z.int().check(z.gte(2), z.lte(4)),
    /** Of them, the server's bots. */
    bots: z.int().check(z.gte(0), z.lte(3)),
  }),
});
