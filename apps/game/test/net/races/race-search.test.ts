import { RaceMatchmaker } from "@gift-grab/contracts";
import type { MatchmakerMatched } from "@heroiclabs/nakama-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Emitter } from "../../../src/net/emitter";
import { LiveRoundFailure } from "../../../src/net/live/live-round-failure";
import { RaceSearch, RaceSearchCancelled } from "../../../src/net/races/race-search";
import type { LinkEvents, LinkState, SocketLike } from "../../../src/net/socket/socket-link";

/** The socket link as a search sees it: the test plays the matchmaker. */
class FakeLink {
  readonly events = new Emitter<LinkEvents>();
  state: LinkState = "online";
  added: { query: string; min: number; max: number; props?: Record<string, string> }[] = [];
  removed: string[] = [];
  /** The server answers a removal with an error (the ticket was matched meanwhile). */
  removeFails = false;
  readonly socket = {
    addMatchmaker: async (
      query: string,
      min: number,
      max: number,
      props?: Record<string, string>,
    ) => {
      this.added.push({ query, min, max, props });
      return { ticket: `t${this.added.length}` };
    },
    removeMatchmaker: async (ticket: string) => {
      if (this.removeFails) throw { code: 3, message: "ticket not found" };
      this.removed.push(ticket);
    },
  } as unknown as SocketLike;
  get open() {
    return this.state === "online" ? this.socket : null;
  }
  matched(ticket: string, matchId: string) {
    this.events.emit("matchmakerMatched", {
      ticket,
      match_id: matchId,
      token: "",
      users: [],
      self: {} as MatchmakerMatched["self"],
    } as MatchmakerMatched);
  }
}

describe("a quick race's search", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("asks the matchmaker for a race of 2–4 and joins the match it made for this ticket", async () => {
    const link = new FakeLink();
    const withBots = vi.fn(async () => "bots");
    const found = new RaceSearch({ link, withBots }).find();
    await vi.advanceTimersByTimeAsync(0);
    expect(link.added).toEqual([
      {
        query: RaceMatchmaker.query,
        min: 2,
        max: 4,
        props: { mode: RaceMatchmaker.mode },
      },
    ]);
    link.matched("someone-else", "m-other");
    link.matched("t1", "m1");
    expect(await found).toBe("m1");
    expect(withBots).not.toHaveBeenCalled();
  });

  it("races the server's bots when nobody came within searchMs (the ticket removed)", async () => {
    const link = new FakeLink();
    const found = new RaceSearch({ link, withBots: async () => "bots", searchMs: 5000 }).find();
    await vi.advanceTimersByTimeAsync(4999);
    expect(link.removed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await found).toBe("bots");
    expect(link.removed).toEqual(["t1"]);
  });

  it("takes the match of a ticket matched while it was being removed, not bots", async () => {
    const link = new FakeLink();
    link.removeFails = true;
    const withBots = vi.fn(async () => "bots");
    const found = new RaceSearch({ link, withBots, searchMs: 1000 }).find();
    await vi.advanceTimersByTimeAsync(1000);
    link.matched("t1", "m-late");
    expect(await found).toBe("m-late");
    expect(withBots).not.toHaveBeenCalled();
  });

  it("stops on Cancel (ticket removed) and when the socket drops", async () => {
    const link = new FakeLink();
    const search = new RaceSearch({ link, withBots: async () => "bots" });
    const found = search.find();
    await vi.advanceTimersByTimeAsync(10);
    search.cancel();
    await expect(found).rejects.toBeInstanceOf(RaceSearchCancelled);
    expect(link.removed).toEqual(["t1"]);

    const dropped = new RaceSearch({ link, withBots: async () => "bots" }).find();
    await vi.advanceTimersByTimeAsync(10);
    link.state = "reconnecting";
    link.events.emit("state", "reconnecting");
    await expect(dropped).rejects.toBeInstanceOf(LiveRoundFailure);

    await expect(new RaceSearch({ link, withBots: async () => "b" }).find()).rejects.toEqual(
      new LiveRoundFailure("unreachable"),
    );
  });
});
