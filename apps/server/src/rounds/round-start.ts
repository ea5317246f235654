import { roundStart } from "@gift-grab/contracts";
import { GameRules } from "@gift-grab/simulation";
import { rpcError } from "../runtime/errors";
import { defineHandler } from "../runtime/handle-rpc";
import { Owned } from "../runtime/owned-storage";
import { deleteOwned, readOwnedMany, writeOwned } from "../runtime/storage";
import { isVersionConflict } from "../runtime/version-conflict";
import { roundConfig } from "./config";
import {
  limitsWrite,
  partitionIssued,
  readLimits,
  recentStarts,
  retryInSeconds,
  ticketExpiry,
} from "./start-limits";
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
        `round_start: at most ${config.startsPerMinute} rounds a minute; retry in ${retryInSeconds(starts, now)} s`,
      );
    }

    const { keep, prune } = partitionIssued(limits.tickets, now, config.ticketRetentionMs);
    // One round at a time: a round still being played (the player quit it, or it runs in a
    // tab they left) is retired, so it can never be submitted beside this one. A round that
    // is over but unsubmitted (a submission queued offline) is left alone. Only tickets whose
    // round can still be running are read, not a week of tickets.
    const retire = readOwnedMany(
      nk,
      logger,
      Owned.roundTickets,
      keep
        .filter(
          (t) => t.started_at === undefined || t.started_at + GameRules.maxRoundDurationMs > now,
        )
        .map((t) => ({ userId, key: t.id })),
    )
      .filter(({ value: t }) => t.state === "open" && t.started_at + t.duration_ms > now)
      .map(({ key, value, version }) =>
        ticketWrite(userId, key, { ...value, state: "retired" }, version),
      );

    const id = nk.uuidv4();
    const ticket: Ticket = {
      started_at: now,
      duration_ms: config.durationMs,
      seed: Math.floor(Math.random() * 0x1_0000_0000),
      orientation: input.orientation ?? "landscape",
      expires_at: ticketExpiry(now + config.durationMs, config.submitWindowMs),
      state: "open",
    };
    try {
      writeOwned(nk, [
        limitsWrite(
          userId,
          {
            starts: [...starts, now],
            tickets: [...keep, { id, expires_at: ticket.expires_at, started_at: now }],
          },
          version,
        ),
        ticketWrite(userId, id, ticket, "*"),
        ...retire,
      ]);
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      // Another round_start of this player won the version race (or a submit changed a
      // ticket being retired): an honest client never starts two rounds at once.
      throw rpcError("rate_limited", "round_start: one round at a time; retry in 1 s");
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
