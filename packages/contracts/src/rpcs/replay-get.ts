import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";
import { replayFields } from "../stored";

export const REPLAY_GET = "replay_get";

/**
 * The run behind a player's score on this week's board, to watch: the round's params and
 * every tick's input (replayed by @gift-grab/simulation, it ends on `score`). Any signed-in
 * player may watch any player on the board. Refusal: `replay_unknown` (5, HTTP 404) when
 * that player has no score this week (or no replay of it).
 */
export const replayGet = defineRpc({
  id: REPLAY_GET,
  limits: SMALL_REQUEST,
  request: z.strictObject({
    /** A user id, as leaderboard_view's `owner_id`. */
    owner_id: z.uuid(),
  }),
  response: z.strictObject({
    owner_id: z.string(),
    username: z.string(),
    ...replayFields(),
    /** When the run ended (its match wrote it), epoch ms. */
    played_at: z.int(),
  }),
});
