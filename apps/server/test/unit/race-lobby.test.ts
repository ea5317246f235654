import { randomUUID } from "node:crypto";
import {
  decodeLobby,
  decodeLobbyClosed,
  LiveOp,
  type LobbyMessage,
  normalizeRaceCode,
  RaceLobby,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { Lobby } from "../../src/rounds/live/lobby";
import { newRaceCode } from "../../src/rounds/live/lobby-code";
import { lobbySignal } from "../../src/rounds/live/lobby-signal";
import { liveRoundMatch } from "../../src/rounds/live/match";

const host = { user_id: "host", username: "Host" };

describe("a friend race's code", () => {
  it("is 10 letters of the alphabet, from the UUID's random bits only", () => {
    const nk = { uuidv4: () => randomUUID() };
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newRaceCode(nk);
      expect(normalizeRaceCode(code)).toBe(code);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
    // The version nibble is skipped: all-zero random bits give the first letter throughout.
    const zero = { uuidv4: () => "00000000-0000-4000-8000-000000000000" };
    expect(newRaceCode(zero)).toBe(RaceLobby.alphabet.charAt(0).repeat(RaceLobby.codeLength));
  });

  it("reads back as typed: any case, dashes and spaces; anything else is no code", () => {
    expect(normalizeRaceCode("abcde-fghjk")).toBe("ABCDEFGHJK");
    expect(normalizeRaceCode(" ABCDE FGHJK ")).toBe("ABCDEFGHJK");
    for (const bad of ["ABCDEFGHJ", "ABCDEFGHJKL", "ABCDEFGHJ0", "ABCDEFGHJI", "ÄBCDEFGHJK"])
      expect(normalizeRaceCode(bad)).toBeNull();
  });
});

describe("a friend race's lobby", () => {
  it("reserves seats in order up to its size, the same seat when asked again", () => {
    const lobby = new Lobby({ host, maxSeats: 3, expiresAt: 1 });
    expect(lobby.reserve("a", "A")).toEqual({ seat: 1 });
    expect(lobby.reserve("a", "A")).toEqual({ seat: 1 });
    expect(lobby.reserve("host", "Host")).toEqual({ seat: 0 });
    expect(lobby.reserve("b", "B")).toEqual({ seat: 2 });
    expect(lobby.reserve("c", "C")).toEqual({ refused: "full" });
    expect(lobby.mayJoin("b")).toBe(true);
    expect(lobby.mayJoin("c")).toBe(false);
    expect(lobby.mayJoin("")).toBe(false);
  });

  it("starts with the players who reserved, bots for the rest only when asked, two Santas at least", () => {
    const alone = new Lobby({ host, maxSeats: 4, expiresAt: 1 });
    expect(alone.seatsAtStart(false)).toEqual({ users: [host], seats: 2 });
    expect(alone.seatsAtStart(true)).toEqual({ users: [host], seats: 4 });
    alone.reserve("a", "A");
    alone.reserve("b", "B");
    expect(alone.seatsAtStart(false).seats).toBe(3);
  });

  it("keeps one socket a user, the newest", () => {
    const lobby = new Lobby({ host, maxSeats: 2, expiresAt: 1 });
    expect(lobby.join("host", "s1", "web")).toBeNull();
    expect(lobby.join("host", "s2", "web")).toBe("s1");
    expect([...lobby.present.keys()]).toEqual(["s2"]);
    lobby.leave("s2");
    expect(lobby.present.size).toBe(0);
  });

  it("answers signals: a start once, no seat after it, a rematch only when over", () => {
    const lobby = new Lobby({ host, maxSeats: 2, expiresAt: 1 });
    let started = 0;
    const target = {
      lobby,
      round: null,
      start: (bots: boolean) => {
        started += 1;
        return lobby.seatsAtStart(bots);
      },
      rematch: () => {},
    };
    expect(lobbySignal({ op: "reserve", user_id: "a", username: "A" }, target)).toEqual({
      seat: 1,
    });
    expect(lobbySignal({ op: "reserve", user_id: "b", username: "B" }, target)).toEqual({
      refused: "full",
    });
    expect(lobbySignal({ op: "over" }, target)).toEqual({ over: false, gathering: false });
    expect(lobbySignal({ op: "rematch", match_id: "m" }, target)).toEqual({ refused: "not_over" });
    // Only the host starts it.
    expect(lobbySignal({ op: "start", bots: false, user_id: "a" }, target)).toEqual({
      refused: "not_host",
    });
    expect(started).toBe(0);
    expect(lobbySignal({ op: "start", bots: false, user_id: "host" }, target)).toMatchObject({
      race: { seats: 2 },
    });
    expect(started).toBe(1);
    // Once the match holds a round instead of a lobby, a start is refused.
    expect(
      lobbySignal({ op: "start", bots: false, user_id: "host" }, { ...target, lobby: null }),
    ).toEqual({
      refused: "started",
    });
    expect(
      lobbySignal({ op: "reserve", user_id: "c", username: "C" }, { ...target, lobby: null }),
    ).toEqual({ refused: "started" });
  });
});

describe("a player's second lobby", () => {
  it("closes the one they made: no seat, no join, no start after; nobody else can close it", () => {
    const lobby = new Lobby({ host, maxSeats: 4, expiresAt: 1e15 });
    expect(lobby.reserve("a", "A")).toEqual({ seat: 1 });
    const target = {
      lobby,
      round: null,
      start: () => lobby.seatsAtStart(false),
      rematch: () => {},
    };
    expect(lobbySignal({ op: "abandon", user_id: "a" }, target)).toEqual({ abandoned: false });
    expect(lobbySignal({ op: "abandon", user_id: "" }, target)).toEqual({ abandoned: false });
    expect(lobby.abandoned).toBe(false);
    expect(lobbySignal({ op: "abandon", user_id: "host" }, target)).toEqual({ abandoned: true });
    expect(lobby.reserve("b", "B")).toEqual({ refused: "closed" });
    expect(lobby.mayJoin("a")).toBe(false);
    expect(lobbySignal({ op: "start", bots: false, user_id: "host" }, target)).toEqual({
      refused: "closed",
    });
  });
});

describe("a lobby whose host left", () => {
  const GRACE = 500;

  it("passes to the player here longest once the host is away past the grace; a reload within it keeps the host", () => {
    const lobby = new Lobby({ host, maxSeats: 4, expiresAt: 1, now: 0 });
    lobby.join("host", "h1", "web", 10);
    for (const id of ["a", "b", "c"]) lobby.reserve(id, id.toUpperCase());
    // b reserved after a but came in first: b has waited longest. c never comes.
    lobby.join("b", "b1", "web", 100);
    lobby.join("a", "a1", "web", 200);
    expect(lobby.handOver(10_000, GRACE)).toBe(false); // the host is here

    // A reload: gone and back within the grace, host still.
    lobby.leave("h1", 1000);
    expect(lobby.handOver(1000 + GRACE - 1, GRACE)).toBe(false);
    lobby.join("host", "h2", "web", 1400);
    expect(lobby.handOver(5000, GRACE)).toBe(false);
    expect(lobby.message().host).toBe(0);

    lobby.leave("h2", 6000);
    expect(lobby.message().players.map((p) => p.here)).toEqual([false, true, true, false]);
    expect(lobby.handOver(6000 + GRACE - 1, GRACE)).toBe(false);
    expect(lobby.mayStart("host")).toBe(true);
    expect(lobby.handOver(6000 + GRACE, GRACE)).toBe(true);
    expect(lobby.message().host).toBe(2);
    expect(lobby.hostId).toBe("b");
    expect(lobby.mayStart("b")).toBe(true);
    expect(lobby.mayStart("host")).toBe(false);
    expect(lobby.mayStart("a")).toBe(false);
    // Once given on, it stays: the old host comes back as a player, seat and all.
    lobby.join("host", "h3", "web", 7000);
    expect(lobby.handOver(99_000, GRACE)).toBe(false);
    expect(lobby.message()).toMatchObject({ host: 2, players: [{ here: true }, {}, {}, {}] });
    expect(lobby.seatsAtStart(false).users.map((u) => u.user_id)).toEqual(["host", "a", "b", "c"]);

    // The new host leaves too: the one here longest next is a (since 200), not the old host.
    lobby.leave("b1", 8000);
    expect(lobby.handOver(8000 + GRACE, GRACE)).toBe(true);
    expect(lobby.hostId).toBe("a");
  });

  it("waits for someone to hand it to; a reload keeps a player's wait; equal waits go to the lower seat", () => {
    const lobby = new Lobby({ host, maxSeats: 3, expiresAt: 1, now: 0 });
    lobby.join("host", "h1", "web", 0);
    lobby.reserve("a", "A");
    lobby.reserve("b", "B");
    lobby.leave("h1", 100);
    // Nobody here: nothing to hand over, however long.
    expect(lobby.handOver(100_000, GRACE)).toBe(false);
    // Two arrive at once, long past the grace: the lower seat hosts, at once.
    lobby.join("b", "b1", "web", 200_000);
    lobby.join("a", "a1", "web", 200_000);
    expect(lobby.handOver(200_000, GRACE)).toBe(true);
    expect(lobby.hostId).toBe("a");
    // a leaves; b reloads (its wait kept from 200 000); the old host came back later.
    lobby.join("host", "h2", "web", 200_100);
    lobby.join("b", "b2", "web", 200_200);
    lobby.leave("a1", 200_300);
    expect(lobby.handOver(200_300 + GRACE, GRACE)).toBe(true);
    expect(lobby.hostId).toBe("b");
  });

  it("counts a host who made the lobby and never came in as away from its making", () => {
    const lobby = new Lobby({ host, maxSeats: 2, expiresAt: 1, now: 1000 });
    lobby.reserve("a", "A");
    lobby.join("a", "a1", "web", 1200);
    expect(lobby.handOver(1000 + GRACE - 1, GRACE)).toBe(false);
    expect(lobby.handOver(1000 + GRACE, GRACE)).toBe(true);
    expect(lobby.message().host).toBe(1);
  });
});

describe("a friend race's LOBBY message", () => {
  it("names each seat in order and says whose socket is in", () => {
    const lobby = new Lobby({ host, maxSeats: 3, expiresAt: 1 });
    expect(lobby.message()).toEqual({
      maxSeats: 3,
      players: [{ name: "Host", here: false }],
      host: 0,
    });
    lobby.join("host", "s1", "web");
    lobby.reserve("a", "A");
    expect(lobby.message().players).toEqual([
      { name: "Host", here: true },
      { name: "A", here: false },
    ]);
    lobby.join("a", "s2", "web");
    lobby.join("a", "s3", "web"); // a reload: still here once
    expect(lobby.message().players.map((p) => p.here)).toEqual([true, true]);
    expect(lobby.leave("s2")).toBe(false); // replaced already
    expect(lobby.leave("s1")).toBe(true);
    expect(lobby.message().players.map((p) => p.here)).toEqual([false, true]);
  });

  it("goes from the match to every socket in the lobby on each change, and not after the start", () => {
    const ctx = { env: {}, matchId: "m.lobby" } as unknown as nkruntime.Context;
    const logger = {
      debug() {},
      info() {},
      warn() {},
      error(format: string, ...args: unknown[]) {
        throw new Error(`${format} ${args.join(" ")}`);
      },
    } as unknown as nkruntime.Logger;
    const nk = {} as nkruntime.Nakama;
    const sent: { to: string[]; lobby: LobbyMessage | null }[] = [];
    const ops: number[] = [];
    const dispatcher = {
      broadcastMessage(op: number, data: ArrayBuffer, to: nkruntime.Presence[]) {
        ops.push(op);
        if (op === LiveOp.LOBBY)
          sent.push({ to: to.map((p) => p.sessionId), lobby: decodeLobby(data) });
      },
      matchKick() {},
      matchLabelUpdate() {},
    } as unknown as nkruntime.MatchDispatcher;
    const presence = (userId: string, sessionId: string) =>
      ({ userId, sessionId, username: userId, node: "n" }) as nkruntime.Presence;
    let { state } = liveRoundMatch.matchInit(ctx, logger, nk, {
      lobby: JSON.stringify({ host, max_seats: 3, expires_at: Date.now() + 60_000 }),
      orientation: "landscape",
      seed: 3,
    });
    const join = (p: nkruntime.Presence) => {
      const a = liveRoundMatch.matchJoinAttempt(ctx, logger, nk, dispatcher, 0, state, p, {});
      expect(a?.accept).toBe(true);
      state = liveRoundMatch.matchJoin(ctx, logger, nk, dispatcher, 0, state, [p])?.state ?? state;
    };
    const signal = (s: object) =>
      JSON.parse(
        liveRoundMatch.matchSignal(ctx, logger, nk, dispatcher, 0, state, JSON.stringify(s))
          ?.data ?? "null",
      );

    join(presence("host", "h1"));
    expect(sent).toEqual([
      { to: ["h1"], lobby: { maxSeats: 3, players: [{ name: "Host", here: true }], host: 0 } },
    ]);
    expect(signal({ op: "reserve", user_id: "f", username: "Friend" })).toEqual({ seat: 1 });
    expect(sent.at(-1)).toEqual({
      to: ["h1"],
      lobby: {
        maxSeats: 3,
        players: [
          { name: "Host", here: true },
          { name: "Friend", here: false },
        ],
        host: 0,
      },
    });
    // Asked again (a reload): the same seat, nothing changed, nothing sent.
    expect(signal({ op: "reserve", user_id: "f", username: "Friend" })).toEqual({ seat: 1 });
    expect(sent).toHaveLength(2);
    join(presence("f", "f1"));
    expect(sent.at(-1)?.to).toEqual(["h1", "f1"]);
    expect(sent.at(-1)?.lobby?.players.map((p) => p.here)).toEqual([true, true]);
    liveRoundMatch.matchLeave(ctx, logger, nk, dispatcher, 0, state, [presence("f", "f1")]);
    expect(sent.at(-1)).toMatchObject({ to: ["h1"] });
    expect(sent.at(-1)?.lobby?.players.map((p) => p.here)).toEqual([true, false]);
    join(presence("f", "f2"));
    expect(sent).toHaveLength(5);
    // The start: START to both, no LOBBY after it.
    expect(signal({ op: "start", bots: false, user_id: "host" })).toMatchObject({
      race: { seats: 2 },
    });
    expect(ops.filter((op) => op === LiveOp.START)).toHaveLength(2);
    liveRoundMatch.matchLeave(ctx, logger, nk, dispatcher, 0, state, [presence("f", "f2")]);
    expect(sent).toHaveLength(5);
  });
});

describe("a lobby that closes unstarted", () => {
  const ctx = { env: {}, matchId: "m.closing" } as unknown as nkruntime.Context;
  const logger = {
    debug() {},
    info() {},
    warn() {},
    error(format: string, ...args: unknown[]) {
      throw new Error(`${format} ${args.join(" ")}`);
    },
  } as unknown as nkruntime.Logger;
  const nk = {} as nkruntime.Nakama;
  const presence = (userId: string, sessionId: string) =>
    ({ userId, sessionId, username: userId, node: "n" }) as nkruntime.Presence;

  /** A lobby's match with the host and a friend in it; what it sends, and its loop. */
  function lobbyMatch(expiresAt: number) {
    const sent: { op: number; to: string[]; data: ArrayBuffer }[] = [];
    const dispatcher = {
      broadcastMessage(op: number, data: ArrayBuffer, to: nkruntime.Presence[]) {
        sent.push({ op, to: to.map((p) => p.sessionId), data });
      },
      matchKick() {},
      matchLabelUpdate() {},
    } as unknown as nkruntime.MatchDispatcher;
    let { state } = liveRoundMatch.matchInit(ctx, logger, nk, {
      lobby: JSON.stringify({ host, max_seats: 2, expires_at: expiresAt }),
      orientation: "landscape",
      seed: 3,
    });
    const signal = (s: object) =>
      JSON.parse(
        liveRoundMatch.matchSignal(ctx, logger, nk, dispatcher, 0, state, JSON.stringify(s))
          ?.data ?? "null",
      );
    expect(signal({ op: "reserve", user_id: "f", username: "Friend" })).toEqual({ seat: 1 });
    for (const p of [presence("host", "h1"), presence("f", "f1")]) {
      liveRoundMatch.matchJoinAttempt(ctx, logger, nk, dispatcher, 0, state, p, {});
      state = liveRoundMatch.matchJoin(ctx, logger, nk, dispatcher, 0, state, [p])?.state ?? state;
    }
    const loop = () => liveRoundMatch.matchLoop(ctx, logger, nk, dispatcher, 1, state, []);
    const closed = () =>
      sent
        .filter((m) => m.op === LiveOp.LOBBY_CLOSED)
        .map((m) => ({ to: m.to, why: decodeLobbyClosed(m.data)?.reason }));
    return { sent, signal, loop, closed };
  }

  it("tells every socket in it that its maker closed it (another lobby), then ends the match", () => {
    const match = lobbyMatch(Date.now() + 60_000);
    expect(match.loop()).not.toBeNull();
    expect(match.closed()).toEqual([]);
    expect(match.signal({ op: "abandon", user_id: "host" })).toEqual({ abandoned: true });
    expect(match.loop()).toBeNull();
    expect(match.closed()).toEqual([{ to: ["h1", "f1"], why: "host_closed" }]);
    // The last message the match sent.
    expect(match.sent.at(-1)?.op).toBe(LiveOp.LOBBY_CLOSED);
  });

  it("tells every socket in it that it expired, then ends the match", () => {
    const match = lobbyMatch(Date.now() - 1);
    expect(match.loop()).toBeNull();
    expect(match.closed()).toEqual([{ to: ["h1", "f1"], why: "expired" }]);
  });
});
