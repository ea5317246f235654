import * as z from "zod/mini";
import { defineRpc } from "../rpc";
import { HeldRunId, heldRunFields } from "../stored";

export const REVIEW_LIST = "review_list";

export const REVIEW_PAGE_MAX = 100;

/** A held run as a moderator sees it: everything but its replay's inputs. */
export const HeldRunView = z.strictObject({
  /** What review_decide takes. */
  id: HeldRunId,
  ...heldRunFields(),
  /** It was over the player's weekly best when held: an approval keeps its replay too. */
  new_best: z.boolean(),
  played_at: z.int(),
  /** When the week it was played in ends (the board's reset), epoch ms. */
  week_ends_at: z.int(),
  /** That week is over: an approval puts it on no board (it only leaves the queue). */
  week_over: z.boolean(),
});
export type HeldRunView = z.infer<typeof HeldRunView>;

/**
 * The runs held for review, oldest first, a page at a time (`cursor` from the previous
 * page). Server to server only (`caller: "server"`): Nakama's runtime HTTP key; a player's
 * session gets 403 `server_only`.
 */
export const reviewList = defineRpc({
  id: REVIEW_LIST,
  caller: "server",
  /** A storage cursor of up to 1024 characters and a page size. */
  limits: { maxChars: 2048, maxDepth: 1 },
  request: z.strictObject({
    /** Runs a page, 1–100; 50 when absent. */
    limit: z.optional(z.int().check(z.gte(1), z.lte(REVIEW_PAGE_MAX))),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  }),
  response: z.strictObject({
    runs: z.array(HeldRunView),
    /** Pass as `cursor` for the next page; null after the last. */
    cursor: z.nullable(z.string()),
  }),
});
