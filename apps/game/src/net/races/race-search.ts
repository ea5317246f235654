import { RaceMatchmaker } from "@gift-grab/contracts";
import type { MatchmakerMatched } from "@heroiclabs/nakama-js";
import type { MatchLink } from "../live/live-match";
import { LiveRoundFailure } from "../live/live-round-failure";
import type { LinkEvents } from "../socket/socket-link";

/** The player stopped searching (Cancel): not a failure to tell. */
export class RaceSearchCancelled extends Error {
  override name = "RaceSearchCancelled";
}

export interface RaceSearchDeps {
  link: MatchLink & {
    readonly events: { on<E extends keyof LinkEvents>(e: E, h: LinkEvents[E]): () => void };
  };
  /** A race of the player's own against the server's bots (race_with_bots): its match id. */
  withBots: () => Promise<string>;
  /** How long to search before racing bots (RaceMatchmaker.searchMs). */
  searchMs?: number;
  /** After a removal the server refused (the ticket was matched meanwhile): how long to wait for it. */
  matchedGraceMs?: number;
}

/**
 * A quick race: a matchmaker ticket for other racers (RaceMatchmaker's query, 2–4 players);
 * the server's matchmaker hook makes the match with a seat for each matched player. Nobody
 * found within searchMs: the ticket is removed and the player races the server's bots.
 */
export class RaceSearch {
  private ticket: string | null = null;
  private cancelled = false;
  private stop: ((why: Error) => void) | null = null;

  constructor(private readonly deps: RaceSearchDeps) {}

  /** The match to join: one the matchmaker made, or one with bots. */
  async find(): Promise<string> {
    const socket = this.deps.link.open;
    if (!socket) throw new LiveRoundFailure("unreachable");
    const early: MatchmakerMatched[] = [];
    let matched: ((id: string) => void) | null = null;
    const found = new Promise<string>((resolve, reject) => {
      matched = resolve;
      this.stop = reject;
    });
    found.catch(() => {});
    const offMatched = this.deps.link.events.on("matchmakerMatched", (m) => {
      if (!m.match_id) return; // never sent by this server: a relayed match's token
      if (this.ticket === null) early.push(m);
      else if (m.ticket === this.ticket) matched?.(m.match_id);
    });
    const offState = this.deps.link.events.on("state", (s) => {
      // Nakama drops a socket's tickets with it.
      if (s !== "online") this.stop?.(new LiveRoundFailure("unreachable"));
    });
    try {
      const { ticket } = await socket
        .addMatchmaker(RaceMatchmaker.query, RaceMatchmaker.minCount, RaceMatchmaker.maxCount, {
          mode: RaceMatchmaker.mode,
        })
        .catch(() => {
          throw new LiveRoundFailure("refused");
        });
      this.ticket = ticket;
      const before = early.find((m) => m.ticket === ticket);
      if (before) return before.match_id;
      if (this.cancelled) {
        await this.removeTicket();
        throw new RaceSearchCancelled();
      }
      const timedOut = await Promise.race([
        found,
        sleep(this.deps.searchMs ?? RaceMatchmaker.searchMs).then(() => null),
      ]);
      if (timedOut !== null) return timedOut;
      // Nobody in time. A ticket the server can't remove was matched meanwhile: its match
      // is on its way.
      if (!(await this.removeTicket())) {
        const late = await Promise.race([
          found,
          sleep(this.deps.matchedGraceMs ?? 3_000).then(() => null),
        ]);
        if (late !== null) return late;
      }
      return await this.deps.withBots();
    } finally {
      offMatched();
      offState();
      this.stop = null;
    }
  }

  /** Stops searching: the ticket is removed and find() rejects with RaceSearchCancelled. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (this.ticket !== null) void this.removeTicket();
    this.stop?.(new RaceSearchCancelled());
  }

  /** True when the ticket is gone by this removal (false: matched or gone already). */
  private async removeTicket(): Promise<boolean> {
    const ticket = this.ticket;
    const socket = this.deps.link.open;
    if (ticket === null || !socket) return true;
    try {
      await socket.removeMatchmaker(ticket);
      return true;
    } catch {
      return false;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
