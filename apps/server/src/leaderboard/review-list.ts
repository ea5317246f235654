import { type HeldRunView, reviewList } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { isMalformedCursor } from "../runtime/storage";
import { listHeld } from "./held-runs";

const DEFAULT_PAGE = 50;

/**
 * The runs held for review, oldest first (held-runs.ts), for the game's own servers: what
 * each scored, its figures and whether its week is over. The replay's inputs stay in
 * storage; `new_best` says one is kept.
 */
export const reviewListHandler = defineHandler(reviewList, {
  run({ limit, cursor }, { logger, nk }) {
    let page: ReturnType<typeof listHeld>;
    try {
      page = listHeld(nk, logger, limit ?? DEFAULT_PAGE, cursor);
    } catch (err) {
      if (isMalformedCursor(err))
        throw rpcError("invalid_payload", "review_list: cursor: not one this server gave");
      throw err;
    }
    const now = Date.now();
    const runs: HeldRunView[] = page.objects.map(({ key, value: run }) => ({
      id: key,
      user_id: run.user_id,
      username: run.username,
      score: run.score,
      gifts: run.gifts,
      power_ups_used: run.power_ups_used,
      client: run.client,
      live: run.live,
      new_best: run.replay !== undefined,
      played_at: run.played_at,
      week_ends_at: run.week_ends_at,
      week_over: now >= run.week_ends_at,
    }));
    return { runs, cursor: page.cursor };
  },
});
