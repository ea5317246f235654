import { roundStart } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { Owned } from "../runtime/owned-storage";
import { deleteOwned, readOwnedMany, writeOwned } from "../runtime/storage";
import { isVersionConflict } from "../runtime/version-conflict";
import { roundConfig } from "./config";
import { limitsWrite, partitionIssued, readLimits, recentStarts } from "./start-limits";
import { type Ticket, ticketWrite } from "./tickets";

export const roundStartHandler = defineHandler(roundStart, {
  run(input, { userId, ctx, logger, nk }) {
    const config = roundConfig(ctx.env);
    const now = Date.now();
    const { limits, version } = readLimits(nk, logger, userId);

    const starts = recentStarts(limits.starts, now);
    if (starts.length >= config.startsPerMinute) {
      throw rpcError(
        "rate_limited",
        `round_start: at most ${config.startsPerMinute} rounds a minute`,
      );
    }

    const { keep, prune } = partitionIssued(limits.tickets, now, config.ticketRetentionMs);
    // Open: unsubmitted and still being played. A round that is over but unsubmitted (a
    // player who quit, a submission queued offline) may wait for its submit for up to the
    // window without holding a place. Only tickets whose round can still be running are read
    // (expires_at is the round's end plus the window), not a day of tickets. A ticket that
    // does not parse is no open round.
    const playing = keep.filter((t) => t.expires_at - config.submitWindowMs > now);
    const open = readOwnedMany(
      nk,
      logger,
      Owned.roundTickets,
      playing.map((t) => ({ userId, key: t.id })),
    ).filter(({ value: t }) => t.state === "open" && t.started_at + t.duration_ms > now).length;
    if (open >= config.maxOpen) {
      throw rpcError(
        "too_many_open_rounds",
        `round_start: ${open} rounds are still open; finish or let one expire first`,
      );
    }

    const id = nk.uuidv4();
    const ticket: Ticket = {
      started_at: now,
      duration_ms: config.durationMs,
      seed: Math.floor(Math.random() * 0x1_0000_0000),
      orientation: input.orientation ?? "landscape",
      expires_at: now + config.durationMs + config.submitWindowMs,
      state: "open",
    };
    try {
      writeOwned(nk, [
        limitsWrite(
          userId,
          { starts: [...starts, now], tickets: [...keep, { id, expires_at: ticket.expires_at }] },
          version,
        ),
        ticketWrite(userId, id, ticket, "*"),
      ]);
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      // Another round_start of this player won the version race.
      throw rpcError("rate_limited", "round_start: one round at a time");
    }

    if (prune.length) {
      deleteOwned(
        nk,
        Owned.roundTickets,
        userId,
        prune.map((t) => t.id),
      );
    }
    return {
      ticket: id,
      duration_ms: ticket.duration_ms,
      seed: ticket.seed,
      orientation: ticket.orientation,
      started_at: ticket.started_at,
    };
  },
});
