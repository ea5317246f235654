import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";
import { RaceRecord } from "../stored";

export const RACE_GET = "race_get";

/**
 * A finished race, to watch with every Santa: its params and each seat's inputs, names and
 * scores, as the server played it. Any signed-in player may watch any race. Refusal:
 * `replay_unknown` (5, HTTP 404) when there is no finished race of that id.
 */
export const raceGet = defineRpc({
  id: RACE_GET,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** The race's match id, as the matchmaker or race_with_bots gave it. */
    match_id: z.string().check(z.minLength(1), z.maxLength(128)),
  }),
  response: z.extend(RaceRecord, { match_id: z.string() }),
});
