import { randomUUID } from "node:crypto";
import { normalizeRaceCode, RaceLobby } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { Lobby } from "../../src/rounds/live/lobby";
import { newRaceCode } from "../../src/rounds/live/lobby-code";
import { lobbySignal } from "../../src/rounds/live/lobby-signal";

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
    expect(lobbySignal({ op: "over" }, target)).toEqual({ over: false });
    expect(lobbySignal({ op: "rematch", match_id: "m" }, target)).toEqual({ refused: "not_over" });
    expect(lobbySignal({ op: "start", bots: false }, target)).toMatchObject({ race: { seats: 2 } });
    expect(started).toBe(1);
    // Once the match holds a round instead of a lobby, a start is refused.
    expect(lobbySignal({ op: "start", bots: false }, { ...target, lobby: null })).toEqual({
      refused: "started",
    });
    expect(
      lobbySignal({ op: "reserve", user_id: "c", username: "C" }, { ...target, lobby: null }),
    ).toEqual({ refused: "started" });
  });
});
