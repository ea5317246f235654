import { roundStart } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";
import { handleRpc } from "../runtime/handle-rpc";
import { Owned } from "../runtime/owned-storage";
import { deleteOwned, readOwnedMany, writeOwned } from "../runtime/storage";
import { roundConfig } from "./config";
import { limitsWrite, partitionIssued, readLimits, recentStarts } from "./start-limits";
import { type Ticket, ticketWrite } from "./tickets";
import { isVersionConflict } from "./version-conflict";

export const rpcRoundStart: nkruntime.RpcFunction = (ctx, logger, nk, payload) =>
  handleRpc(roundStart, ctx, logger, payload, (_input, userId) => {
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
    const live = keep.filter((t) => t.expires_at > now);
    // A ticket that does not parse is no open round.
    const open = readOwnedMany(
      nk,
      logger,
      Owned.roundTickets,
      live.map((t) => ({ userId, key: t.id })),
    ).filter((obj) => obj.value.state === "open").length;
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
      started_at: ticket.started_at,
    };
  });
