import * as z from "zod/mini";
import { SMALL_REQUEST } from "../request-limits";
import { defineRpc } from "../rpc";
import { HeldRunId } from "../stored";

export const REVIEW_DECIDE = "review_decide";

/**
 * A moderator's decision on a held run (review_list's `id`). `approve` writes it to the weekly
 * board as the round would have (and its replay, if it is over the player's best there now);
 * `reject` drops it. Either way it leaves the queue; the player's stats counted it when it
 * was played. One decision per run: a second (or a racing one) finds it gone, 404
 * `review_unknown`. Server to server only (`caller: "server"`): a player's session gets 403
 * `server_only`.
 */
export const reviewDecide = defineRpc({
  id: REVIEW_DECIDE,
  caller: "server",
  limits: SMALL_REQUEST,
  request: z.strictObject({
    id: HeldRunId,
    decision: z.enum(["approve", "reject"]),
  }),
  response: z.strictObject({
    id: z.string(),
    decision: z.enum(["approve", "reject"]),
    /**
     * on_board: written to this week's board. week_over: approved after the week it was
     * played in ended, so on no board. player_gone: the account was deleted meanwhile.
     * rejected: dropped.
     */
    outcome: z.enum(["on_board", "week_over", "player_gone", "rejected"]),
    /** The player's best and rank on this week's board after the decision (0: not on it). */
    best: z.int().check(z.nonnegative()),
    rank: z.int().check(z.nonnegative()),
  }),
});
