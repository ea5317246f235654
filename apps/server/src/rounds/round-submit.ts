import { maxPlausibleScore, roundSubmit } from "@gift-grab/contracts";
import { ownRecord, writeScore } from "../leaderboard/weekly-board";
import { rpcError } from "../runtime/errors";
import { handleRpc } from "../runtime/handle-rpc";
import { playerStatsWrite, readPlayerStats, withRound } from "../stats/player-stats";
import { roundConfig } from "./config";
import {
  readTicket,
  type StoredTicket,
  type SubmitResult,
  submitFingerprint,
  type Ticket,
  ticketWrite,
} from "./tickets";
import { isVersionConflict } from "./version-conflict";

const STATS_WRITE_ATTEMPTS = 5;

/** A ticket that is no longer open: the first result again for an identical retry, else an error. */
function answerUsed(stored: StoredTicket, fingerprint: string): SubmitResult {
  const { ticket } = stored;
  if (ticket.fingerprint !== fingerprint) {
    throw rpcError("ticket_used", "round_submit: this round was already submitted");
  }
  if (ticket.state === "done" && ticket.result) return ticket.result;
  throw rpcError("ticket_busy", "round_submit: this round is being submitted; retry shortly");
}

export const rpcRoundSubmit: nkruntime.RpcFunction = (ctx, logger, nk, payload) =>
  handleRpc(roundSubmit, ctx, logger, payload, (input, userId) => {
    const config = roundConfig(ctx.env);
    const now = Date.now();
    const fingerprint = submitFingerprint(input);

    // Tickets are keyed under their owner: another player's ticket is simply not found.
    const stored = readTicket(nk, userId, input.ticket);
    if (!stored) throw rpcError("ticket_unknown", "round_submit: no such round");
    if (stored.ticket.state !== "open") return answerUsed(stored, fingerprint);

    const { ticket } = stored;
    const endsAt = ticket.started_at + ticket.duration_ms;
    if (now < endsAt - config.earlyToleranceMs) {
      throw rpcError("round_not_over", `round_submit: the round ends in ${endsAt - now} ms`);
    }
    if (now > ticket.expires_at) {
      throw rpcError("ticket_expired", "round_submit: this round is too old to submit");
    }
    const max = maxPlausibleScore(ticket.duration_ms);
    if (input.score > max || input.gifts > max) {
      throw rpcError(
        "score_implausible",
        `round_submit: at most ${max} in a ${ticket.duration_ms} ms round`,
      );
    }

    // Claim the ticket with the version just read: of concurrent submits exactly one
    // write succeeds, and only that one goes on to write the record.
    const claimed: Ticket = { ...ticket, state: "claimed", fingerprint };
    let claimVersion: string;
    try {
      const [ack] = nk.storageWrite([ticketWrite(userId, input.ticket, claimed, stored.version)]);
      claimVersion = ack?.version ?? "";
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      logger.info("round_submit: a concurrent submit of ticket %s claimed it first", input.ticket);
      const current = readTicket(nk, userId, input.ticket);
      if (!current) throw rpcError("ticket_unknown", "round_submit: no such round");
      return answerUsed(current, fingerprint);
    }

    const before = ownRecord(nk, userId);
    const record = writeScore(nk, userId, ctx.username ?? "", input.score, {
      gifts: input.gifts,
      power_ups_used: input.power_ups_used,
      client: ctx.vars?.client ?? "unknown",
    });
    const result: SubmitResult = {
      accepted: true,
      score: input.score,
      best: record.score,
      rank: record.rank,
      new_best: before === null || input.score > before.score,
    };

    // The ticket's result and the player's stats in one transaction. Only the stats can
    // conflict (another of the player's rounds finishing now): re-read and retry.
    const done: Ticket = { ...claimed, state: "done", result };
    for (let attempt = 1; ; attempt++) {
      const { stats, version } = readPlayerStats(nk, userId);
      try {
        nk.storageWrite([
          ticketWrite(userId, input.ticket, done, claimVersion),
          playerStatsWrite(userId, withRound(stats, { ...input, at: now }), version),
        ]);
        break;
      } catch (err) {
        if (!isVersionConflict(err) || attempt >= STATS_WRITE_ATTEMPTS) throw err;
      }
    }
    return result;
  });
