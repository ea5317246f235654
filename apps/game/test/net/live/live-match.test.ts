import {
  type EndMessage,
  encodeEnd,
  encodeFrame,
  encodeLobby,
  encodeLobbyClosed,
  encodeStart,
  LiveOp,
  type StartMessage,
} from "@gift-grab/contracts";
import { createRound, publicState } from "@gift-grab/simulation";
import type { MatchData } from "@heroiclabs/nakama-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Emitter } from "../../../src/net/emitter";
import { type ArrivalTiming, LiveMatch } from "../../../src/net/live/live-match";
import { LiveRoundFailure } from "../../../src/net/live/live-round-failure";
import { raceLobbyLostMessage } from "../../../src/net/messages";
import { RaceRoom } from "../../../src/net/races/race-room";
import type { LinkEvents, LinkState, SocketLike } from "../../../src/net/socket/socket-link";

const start: StartMessage = {
  seat: 0,
  seats: 1,
  ticks: 360,
  orientation: "landscape",
  leadTicks: 15,
  lateTicks: 12,
  rulesVersion: 2,
  startInMs: 3000,
  pausesLeft: 2,
  state: publicState(createRound({ seed: 1, durationMs: 6000 }), 15),
};

/** The game's socket link as a match sees it: the test opens, drops and answers joins. */
class FakeLink {
  readonly events = new Emitter<LinkEvents>();
  state: LinkState = "online";
  joins = 0;
  refuse = false;
  sent: { op: number; data: Uint8Array }[] = [];
  left = 0;
  /** The page's clock (ms): a join and each ping take their round trip on it. */
  time = 0;
  joinRtt = 0;
  pingRtts: number[] = [];
  pings = 0;
  readonly socket = {
    joinMatch: async (matchId: string) => {
      this.joins++;
      this.time += this.joinRtt;
      if (this.refuse) throw { code: 3, message: "no seat" };
      // As Nakama does it: the match's join (START) is queued before the join's answer.
      queueMicrotask(() => this.deliver(matchId, LiveOp.START, encodeStart(start)));
    },
    send: async () => {
      this.pings++;
      this.time += this.pingRtts.shift() ?? 10_000;
    },
    leaveMatch: async () => {
      this.left++;
    },
    sendMatchState: async (_id: string, op: number, data: Uint8Array) => {
      this.sent.push({ op, data });
    },
  } as unknown as SocketLike;
  get open() {
    return this.state === "online" ? this.socket : null;
  }
  set(state: LinkState) {
    this.state = state;
    this.events.emit("state", state);
  }
  deliver(matchId: string, op: number, data: ArrayBuffer) {
    this.events.emit("matchData", {
      match_id: matchId,
      op_code: op,
      data: new Uint8Array(data),
    } as MatchData);
  }
}

describe("a live round's match over the game's socket", () => {
  it("keeps the frames and the lobby that come before anyone follows them, for who takes over", async () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m1" });
    const lobby = { maxSeats: 2, players: [{ name: "Host", here: true }], host: 0 };
    // A lobby's LOBBY can come before the join's answer.
    link.deliver("m1", LiveOp.LOBBY, encodeLobby(lobby));
    expect(match.lobby).toEqual(lobby);
    await match.join();
    const frame = (tick: number) =>
      encodeFrame({
        tick,
        seats: [{ ackTick: tick, filled: 0, score: 0, x: 1, y: 2 }],
        reveals: [],
      });
    link.deliver("m1", LiveOp.FRAME, frame(3));
    link.deliver("m1", LiveOp.FRAME, frame(6));
    expect(match.takeBacklog().map((f) => f.tick)).toEqual([3, 6]);
    expect(match.takeBacklog()).toEqual([]);
    // A START is a snapshot: frames before it are in it.
    link.deliver("m1", LiveOp.FRAME, frame(9));
    link.deliver("m1", LiveOp.START, encodeStart(start));
    expect(match.takeBacklog()).toEqual([]);
    // Followed: frames go to the listener, none kept.
    const seen: number[] = [];
    match.events.on("frame", (f) => seen.push(f.tick));
    link.deliver("m1", LiveOp.FRAME, frame(12));
    expect(seen).toEqual([12]);
    expect(match.takeBacklog()).toEqual([]);
  });

  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("joins, resolves with START and surfaces frames; junk is counted, never thrown", async () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m1" });
    expect(await match.join()).toEqual(start);
    const frames: number[] = [];
    match.events.on("frame", (f) => frames.push(f.tick));
    link.deliver("m1", LiveOp.FRAME, encodeFrame({ tick: 6, seats: [], reveals: [] }));
    link.deliver(
      "m1",
      LiveOp.FRAME,
      encodeFrame({
        tick: 9,
        seats: [{ ackTick: 9, filled: 0, score: 0, x: 1, y: 2 }],
        reveals: [],
      }),
    );
    link.deliver("other", LiveOp.FRAME, encodeFrame({ tick: 12, seats: [], reveals: [] }));
    link.deliver("m1", LiveOp.END, new Uint8Array([9, 9]).buffer);
    expect(frames).toEqual([9]);
    expect(match.malformed).toBe(2);
    match.sendPause(true);
    expect(link.sent).toEqual([{ op: LiveOp.PAUSE, data: new Uint8Array([1]) }]);
  });

  it("hands on END as the server said it: a run held for review says so", async () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m1" });
    await match.join();
    const ends: EndMessage[] = [];
    match.events.on("end", (e) => ends.push(e));
    const end: EndMessage = {
      reason: "completed",
      score: 41,
      gifts: 41,
      powerUpsUsed: 2,
      best: 12,
      rank: 5,
      newBest: false,
      held: true,
      ticksPlayed: 1800,
    };
    link.deliver("m1", LiveOp.END, encodeEnd(end));
    expect(ends).toEqual([end]);
  });

  it("fails typed when there is no socket or the match refuses", async () => {
    const link = new FakeLink();
    link.state = "reconnecting";
    await expect(new LiveMatch({ link, matchId: "m" }).join()).rejects.toEqual(
      new LiveRoundFailure("unreachable"),
    );
    link.state = "online";
    link.refuse = true;
    await expect(new LiveMatch({ link, matchId: "m" }).join()).rejects.toMatchObject({
      kind: "refused",
    });
  });

  it("rejoins the same match when the socket is back within the grace; START comes again", async () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m2", graceMs: 10_000 });
    await match.join();
    const seen: string[] = [];
    match.events.on("link", (s) => seen.push(s));
    match.events.on("start", () => seen.push("start"));
    match.events.on("lost", (why) => seen.push(`lost:${why}`));
    link.set("reconnecting");
    match.sendInput({ seat: 0, lastTick: 5, inputs: [[1, 1]] });
    expect(link.sent).toEqual([]);
    vi.advanceTimersByTime(3000);
    link.set("online");
    await vi.waitFor(() => expect(seen).toEqual(["away", "start", "back"]));
    expect(link.joins).toBe(2);
    vi.advanceTimersByTime(20_000);
    expect(seen).not.toContain("lost:grace");
  });

  it("is lost past the grace, and at once when the session ends", async () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m3", graceMs: 10_000 });
    await match.join();
    const lost: string[] = [];
    match.events.on("lost", (why) => lost.push(why));
    link.set("offline");
    vi.advanceTimersByTime(10_000);
    expect(lost).toEqual(["grace"]);

    const other = new LiveMatch({ link: new FakeLink(), matchId: "m4" });
    const l2 = (other as unknown as { deps: { link: FakeLink } }).deps.link;
    await other.join();
    const why: string[] = [];
    other.events.on("lost", (w) => why.push(w));
    l2.set("ended");
    expect(why).toEqual(["session"]);
  });

  it("leaves the match: the server hears a leave, not a drop", async () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m5" });
    await match.join();
    match.leave();
    expect(link.left).toBe(1);
    match.sendInput({ seat: 0, lastTick: 5, inputs: [[1, 1]] });
    expect(link.sent).toEqual([]);
  });
});

describe("a friend race's room", () => {
  it("follows LOBBY's host: a lobby whose host left is this player's when the server says so", () => {
    const link = new FakeLink();
    const match = new LiveMatch({ link, matchId: "m6" });
    const players = [
      { name: "Host", here: true },
      { name: "Me", here: true },
    ];
    link.deliver("m6", LiveOp.LOBBY, encodeLobby({ maxSeats: 3, players, host: 0 }));
    const info = { code: "ABCDEFGHJK", host: false, seat: 1, expiresAt: 0 };
    const room = new RaceRoom({ rpc: async () => ({}) as never }, match, info);
    const hosts: number[] = [];
    room.events.on("lobby", (m) => hosts.push(m.host));
    expect(room.info.host).toBe(false);
    expect([...room.seen]).toEqual([0, 1]);
    const away = [{ ...players[0], here: false }, players[1]] as typeof players;
    link.deliver("m6", LiveOp.LOBBY, encodeLobby({ maxSeats: 3, players: away, host: 0 }));
    expect(room.info.host).toBe(false);
    link.deliver("m6", LiveOp.LOBBY, encodeLobby({ maxSeats: 3, players: away, host: 1 }));
    expect(hosts).toEqual([0, 1]);
    // What the race goes on with.
    expect(info.host).toBe(true);
    expect(room.players?.host).toBe(1);
    room.leave();
  });

  it.each([
    ["host_closed", /^The host closed this race\./],
    ["expired", /^This race link expired/],
  ] as const)(
    "is lost when the server closes the lobby (%s), in words the player reads on the race menu",
    async (reason, words) => {
      const link = new FakeLink();
      const match = new LiveMatch({ link, matchId: "m7" });
      await match.enter();
      const info = { code: "ABCDEFGHJK", host: false, seat: 1, expiresAt: 0 };
      const room = new RaceRoom({ rpc: async () => ({}) as never }, match, info);
      const lost: string[] = [];
      room.events.on("lost", (why) => lost.push(raceLobbyLostMessage(why)));
      link.deliver("m7", LiveOp.LOBBY_CLOSED, encodeLobbyClosed(reason));
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatch(words);
      // The match is over: a socket that drops and comes back rejoins nothing, and nothing
      // more is heard from it.
      link.set("offline");
      link.set("online");
      await new Promise((r) => setTimeout(r, 0));
      expect(link.joins).toBe(1);
      link.deliver("m7", LiveOp.LOBBY_CLOSED, encodeLobbyClosed(reason));
      expect(lost).toHaveLength(1);
      room.leave();
      expect(link.left).toBe(0);
    },
  );

  it("says a lobby lost any other way as before: the race closed before it started", () => {
    for (const why of ["grace", "gone", "session"] as const)
      expect(raceLobbyLostMessage(why)).toBe("The race closed before it started.");
  });
});

describe("the one-way delay a live match measures", () => {
  it("a START that comes before the join's answer took half the join's round trip, not 0", async () => {
    const link = new FakeLink();
    link.joinRtt = 300;
    const match = new LiveMatch({ link, matchId: "m1", now: () => link.time });
    const timings: ArrivalTiming[] = [];
    match.events.on("start", (_m, t) => timings.push(t));
    await match.join();
    expect(timings).toEqual([{ receivedAt: 300, oneWayMs: 150 }]);
  });

  it("estimates the one-way delay from the shortest round trip: a join slowed by a busy page, then pings", async () => {
    const link = new FakeLink();
    link.joinRtt = 514;
    link.pingRtts = [330, 301, 420, 305];
    const match = new LiveMatch({ link, matchId: "m1", now: () => link.time });
    const timings: ArrivalTiming[] = [];
    const better: number[] = [];
    match.events.on("start", (_m, t) => timings.push(t));
    match.events.on("oneWay", (ms) => better.push(ms));
    await match.join();
    expect(timings).toEqual([{ receivedAt: 514, oneWayMs: 257 }]);
    await settle();
    expect(link.pings).toBe(6);
    expect(better).toEqual([165, 150.5]);
    expect(match.oneWayMs).toBe(150.5);
  });

  it("measures afresh on a rejoin's socket (another network, perhaps)", async () => {
    const link = new FakeLink();
    link.joinRtt = 100;
    const match = new LiveMatch({ link, matchId: "m1", now: () => link.time });
    await match.join();
    await settle();
    expect(match.oneWayMs).toBe(50);
    link.set("reconnecting");
    link.joinRtt = 400;
    const timings: ArrivalTiming[] = [];
    match.events.on("start", (_m, t) => timings.push(t));
    link.set("online");
    await settle();
    expect(timings.map((t) => t.oneWayMs)).toEqual([200]);
  });
});

/** Lets the pings' promises run (each answered at once on the fake socket). */
async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
