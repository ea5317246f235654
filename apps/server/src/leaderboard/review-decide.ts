import { type RpcResponse, reviewDecide } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { writeOwned } from "../runtime/storage";
import { claimHeld, readHeld, unclaimHeld } from "./held-runs";
import { replayWrite } from "./replays";
import { ownRecord, writeScore } from "./weekly-board";

type Decision = "approve" | "reject";
type Decided = RpcResponse<typeof reviewDecide>;

/**
 * A moderator's decision on a held run. The run is first taken out of the queue with the
 * version read (claimHeld): of two decisions on one run (a double click, two moderators, a
 * retry), exactly one gets it and the other hears 404 `review_unknown`, so a run is written
 * to the board at most once and never both approved and rejected. An approval then writes
 * what the round would have written when it ended: the record with its metadata, and the
 * replay if the run is over the player's best on the board now (replay_get serves only the
 * replay of the record's score). If that write fails, the run goes back in the queue.
 *
 * The week: a run belongs to the board of the week it was played in. Nakama writes a record
 * to the current week only, so an approval after that week's reset puts it on no board
 * (`week_over`) rather than on the wrong one.
 */
export function decideHeld(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  id: string,
  decision: Decision,
  now: number,
): Decided {
  const { value: run, version } = readHeld(nk, logger, id);
  if (version === "*") throw unknown(id, "no held run has this id (decided already?)");
  // A row that doesn't parse (logged by the read) can only be dropped.
  if (!run && decision === "approve")
    throw unknown(id, "this held run is unreadable (see the server log): reject it to drop it");
  if (!claimHeld(nk, id, version)) throw unknown(id, "another decision took this run first");
  const standing = (userId: string) => {
    const record = ownRecord(nk, userId);
    return { best: record?.score ?? 0, rank: record?.rank ?? 0 };
  };
  if (!run || decision === "reject") {
    logger.info("review: held run %s rejected", id);
    return { id, decision, outcome: "rejected", ...(run ? standing(run.user_id) : NOWHERE) };
  }
  if (now >= run.week_ends_at) {
    logger.info("review: held run %s approved after its week ended: on no board", id);
    return { id, decision, outcome: "week_over", ...standing(run.user_id) };
  }
  const [user] = nk.usersGetId([run.user_id]);
  if (!user) {
    logger.info("review: held run %s approved, but its player's account is gone", id);
    return { id, decision, outcome: "player_gone", ...NOWHERE };
  }
  try {
    const before = ownRecord(nk, run.user_id);
    const record = writeScore(nk, run.user_id, user.username || run.username, run.score, {
      gifts: run.gifts,
      power_ups_used: run.power_ups_used,
      client: run.client,
      live: run.live,
      approved_at: now,
    });
    if (run.replay && (before === null || run.score > before.score))
      writeOwned(nk, [replayWrite(run.user_id, run.replay)]);
    logger.info("review: held run %s approved: on the board", id);
    return { id, decision, outcome: "on_board", best: record.score, rank: record.rank };
  } catch (err) {
    unclaimHeld(nk, run);
    throw err;
  }
}

const NOWHERE = { best: 0, rank: 0 };

function unknown(id: string, why: string) {
  return rpcError("review_unknown", `review_decide: ${id}: ${why}`);
}

/** review_decide (contracts): the game's own servers' decision on a held run. */
export const reviewDecideHandler = defineHandler(reviewDecide, {
  run({ id, decision }, { logger, nk }) {
    return decideHeld(nk, logger, id, decision, Date.now());
  },
});
