import { describe, expect, it } from "vitest";
import { currentRound, liveRoundMatch } from "../../src/rounds/live/match";

const ctx = { env: {}, matchId: "m.node" } as unknown as nkruntime.Context;
const errors: string[] = [];
const logger = {
  debug() {},
  info() {},
  warn() {},
  error(format: string) {
    errors.push(format);
  },
} as unknown as nkruntime.Logger;
const nk = {} as nkruntime.Nakama;
const dispatcher = {
  broadcastMessage() {},
  matchKick() {},
} as unknown as nkruntime.MatchDispatcher;

describe("the live round's match handler", () => {
  it("survives a throw inside the loop, and closes the match only after 40 in a row", () => {
    const { state } = liveRoundMatch.matchInit(ctx, logger, nk, {
      user_id: "u",
      username: "p",
      orientation: "landscape",
      seed: 1,
    });
    const round = currentRound();
    if (!round) throw new Error("no round");
    round.advance = () => {
      throw new Error("boom");
    };
    for (let i = 1; i < 40; i++)
      expect(liveRoundMatch.matchLoop(ctx, logger, nk, dispatcher, i, state, [])).toEqual({
        state,
      });
    expect(errors).toHaveLength(39);
    expect(liveRoundMatch.matchLoop(ctx, logger, nk, dispatcher, 40, state, [])).toBeNull();
  });

  it("refuses a join by anyone but the seat's user, without throwing", () => {
    const { state } = liveRoundMatch.matchInit(ctx, logger, nk, {
      user_id: "u",
      username: "p",
      orientation: "portrait",
      seed: 2,
    });
    const presence = (userId: string) =>
      ({ userId, sessionId: `s-${userId}`, username: userId, node: "n" }) as nkruntime.Presence;
    const attempt = (userId: string) =>
      liveRoundMatch.matchJoinAttempt(ctx, logger, nk, dispatcher, 0, state, presence(userId), {});
    expect(attempt("someone else")).toMatchObject({ accept: false });
    expect(attempt("u")).toMatchObject({ accept: true });
  });
});
