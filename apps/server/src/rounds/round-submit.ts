import { type RpcRequest, roundSubmit } from "@gift-grab/contracts";
import { canonicalInputs } from "@gift-grab/simulation";
import { replayWrite } from "../leaderboard/replays";
import { ownRecord, writeScore } from "../leaderboard/weekly-board";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { writeOwned } from "../runtime/storage";
import { isVersionConflict } from "../runtime/version-conflict";
import { playerStatsWrite, readPlayerStats, withRound } from "../stats/player-stats";
import { type RoundConfig, roundConfig } from "./config";
import { assertInputsFitRound, type ReplayedRound, replayRound } from "./replay-check";
import {
  readTicket,
  type StoredTicket,
  type SubmitResult,
  submitFingerprint,
  type Ticket,
  ticketWrite,
} from "./tickets";

const STATS_WRITE_ATTEMPTS = 5;
/**
 * A claim this old was left by a submit that died between claiming and finishing (a node
 * crash): an identical retry may take it over, and replays it again (the claim comes before
 * the replay, so the one way a ticket is replayed twice). Safe even if that submit is only
 * slow: the record write is idempotent for the same score (operator best), and only one of
 * the two can finish, since finishing writes the ticket with the version its own claim produced.
 */
export const CLAIM_TAKEOVER_MS = 5_000;

type SubmitInput = RpcRequest<typeof roundSubmit>;

/** The ticket's round is over and not stale. */
function checkRound(ticket: Ticket, config: RoundConfig, now: number) {
  const endsAt = ticket.started_at + ticket.duration_ms;
  if (now < endsAt - config.earlyToleranceMs) {
    throw rpcError("round_not_over", `round_submit: the round ends in ${endsAt - now} ms`);
  }
  if (now > ticket.expires_at) {
    throw rpcError("ticket_expired", "round_submit: this round is too old to submit");
  }
}

/** Writes the ticket with the version read: exactly one of concurrent writers succeeds. */
function claim(
  nk: nkruntime.Nakama,
  userId: string,
  id: string,
  stored: StoredTicket,
  claimed: Ticket,
): string | null {
  try {
    const [ack] = writeOwned(nk, [ticketWrite(userId, id, claimed, stored.version)]);
    return ack?.version ?? null;
  } catch (err) {
    if (isVersionConflict(err)) return null;
    throw err;
  }
}

/**
 * The same submit as the one the ticket was claimed with (submitFingerprint): the score is
 * compared first, so a different claim costs no hashing.
 */
function sameSubmit(
  nk: nkruntime.Nakama,
  ticket: Ticket,
  input: SubmitInput,
  fingerprint?: string,
): boolean {
  const claimedFingerprint = ticket.fingerprint ?? "";
  if (!claimedFingerprint.startsWith(`${input.score}|`)) return false;
  return claimedFingerprint === (fingerprint ?? submitFingerprint(nk, input));
}

/** The answer for a ticket some submit already claimed. */
function answerClaimed(
  nk: nkruntime.Nakama,
  stored: StoredTicket,
  input: SubmitInput,
  fingerprint?: string,
): SubmitResult {
  const { ticket } = stored;
  if (!sameSubmit(nk, ticket, input, fingerprint)) {
    throw rpcError("ticket_used", "round_submit: this round was already submitted");
  }
  if (ticket.state === "done" && ticket.result) return ticket.result;
  if (ticket.state === "refused") {
    throw rpcError("score_mismatch", ticket.refusal ?? "round_submit: the replay refused it");
  }
  throw rpcError("ticket_busy", "round_submit: this round is being submitted; retry shortly");
}

/**
 * The claim's replay did not reproduce the claimed score: the ticket is spent (one expensive
 * verification per round). A takeover that moved the ticket on meanwhile keeps it.
 */
function refuse(
  nk: nkruntime.Nakama,
  userId: string,
  id: string,
  claimed: Ticket,
  claimVersion: string,
  mismatch: string,
): never {
  try {
    writeOwned(nk, [
      ticketWrite(userId, id, { ...claimed, state: "refused", refusal: mismatch }, claimVersion),
    ]);
  } catch (err) {
    if (!isVersionConflict(err)) throw err;
  }
  throw rpcError("score_mismatch", mismatch);
}

/** Only the claim's winner gets here: the record, then the ticket's result with the stats. */
function finish(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  userId: string,
  input: SubmitInput,
  run: ReplayedRound,
  claimed: Ticket,
  claimVersion: string,
  now: number,
): SubmitResult {
  const before = ownRecord(nk, userId);
  // A round that caught nothing stays off the board: it counts in the stats only. The
  // player's best and rank are what the board already says (rank 0: not on it).
  const record =
    run.score > 0
      ? writeScore(nk, userId, ctx.username ?? "", run.score, {
          gifts: run.gifts,
          power_ups_used: run.power_ups_used,
          client: ctx.vars?.client ?? "unknown",
        })
      : before;
  const result: SubmitResult = {
    accepted: true,
    score: run.score,
    best: record?.score ?? 0,
    rank: record?.rank ?? 0,
    new_best: run.score > 0 && (before === null || run.score > before.score),
  };

  // One transaction (core_storage.go: the batch commits or fails whole). Only the stats
  // can conflict (another of the player's rounds finishing now): re-read and retry.
  // A new weekly best keeps its replay (replay_get serves it while it is the board's score).
  const done: Ticket = { ...claimed, state: "done", result };
  const replay = result.new_best
    ? [
        replayWrite(userId, {
          seed: claimed.seed,
          duration_ms: claimed.duration_ms,
          orientation: claimed.orientation,
          inputs: canonicalInputs(input.inputs),
          ...run,
          played_at: now,
        }),
      ]
    : [];
  for (let attempt = 1; ; attempt++) {
    const { stats, version } = readPlayerStats(nk, logger, userId);
    try {
      writeOwned(nk, [
        ticketWrite(userId, input.ticket, done, claimVersion),
        playerStatsWrite(userId, withRound(stats, { ...run, at: now }), version),
        ...replay,
      ]);
      return result;
    } catch (err) {
      if (!isVersionConflict(err) || attempt >= STATS_WRITE_ATTEMPTS) throw err;
      // A taken-over claim: the ticket moved on without us, so it is the other's to finish.
      if (readTicket(nk, logger, userId, input.ticket)?.version !== claimVersion) throw err;
    }
  }
}

/**
 * Cheap before expensive: the ticket (one read, keyed under its owner), its state and the
 * round's timing, then the inputs' length against the round's ticks; only a submit that
 * passes them all is hashed, claims the ticket and is replayed, once per ticket.
 */
export const roundSubmitHandler = defineHandler(roundSubmit, {
  run(input, { userId, ctx, logger, nk }) {
    const config = roundConfig(ctx.env);
    const now = Date.now();

    // Tickets are keyed under their owner: another player's ticket is simply not found,
    // and neither is one that does not parse.
    const stored = readTicket(nk, logger, userId, input.ticket);
    if (!stored) throw rpcError("ticket_unknown", "round_submit: no such round");
    const { ticket } = stored;

    if (ticket.state === "retired") {
      throw rpcError(
        "round_retired",
        "round_submit: another round was started before this one ended",
      );
    }
    const abandoned =
      ticket.state === "claimed" &&
      now - (ticket.claimed_at ?? 0) > CLAIM_TAKEOVER_MS &&
      sameSubmit(nk, ticket, input);
    if (ticket.state !== "open" && !abandoned) return answerClaimed(nk, stored, input);
    if (!abandoned) checkRound(ticket, config, now);
    assertInputsFitRound(ticket, input.inputs);

    const fingerprint = submitFingerprint(nk, input);
    const claimed: Ticket = { ...ticket, state: "claimed", fingerprint, claimed_at: now };
    const claimVersion = claim(nk, userId, input.ticket, stored, claimed);
    if (claimVersion === null) {
      logger.info("round_submit: a concurrent submit of ticket %s claimed it first", input.ticket);
      const current = readTicket(nk, logger, userId, input.ticket);
      if (!current) throw rpcError("ticket_unknown", "round_submit: no such round");
      return answerClaimed(nk, current, input, fingerprint);
    }
    if (abandoned)
      logger.warn(
        "round_submit: took over ticket %s claimed at %d",
        input.ticket,
        ticket.claimed_at ?? 0,
      );
    // The one replay this ticket gets: whatever it says, the ticket is spent.
    const replayed = replayRound(ticket, input);
    if (replayed.mismatch !== undefined) {
      refuse(nk, userId, input.ticket, claimed, claimVersion, replayed.mismatch);
    }
    return finish(ctx, logger, nk, userId, input, replayed.run, claimed, claimVersion, now);
  },
});
