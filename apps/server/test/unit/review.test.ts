import {
  type HeldRunRecord,
  heldRunId,
  parseRpcError,
  type ReplayRecord,
  weeklyResetAfter,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { claimHeld, holdWrite, readHeld } from "../../src/leaderboard/held-runs";
import { decideHeld } from "../../src/leaderboard/review-decide";
import { writeOwned } from "../../src/runtime/storage";
import { fakeStorage } from "./fake-storage";

const T = Date.UTC(2027, 2, 3, 12); // a Wednesday
const USER = "00000000-0000-4000-8000-0000000000aa";
const MATCH = "6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f.node1";

const replay: ReplayRecord = {
  seed: 7,
  duration_ms: 30_000,
  orientation: "landscape",
  inputs: [[1800, 100, 0]],
  score: 40,
  gifts: 40,
  power_ups_used: 1,
  played_at: T,
};

const run: HeldRunRecord = {
  user_id: USER,
  username: "quick",
  score: 40,
  gifts: 40,
  power_ups_used: 1,
  client: "web",
  live: {
    match_id: MATCH,
    reaction_median_ms: 33,
    reaction_min_ms: 17,
    reactions: 30,
    direction_changes_per_s: 3,
    input_messages_per_s: 20,
    filled_ticks: 0,
    dropped_messages: 0,
    flagged: true,
    ended: "completed",
  },
  replay,
  played_at: T,
  week_ends_at: weeklyResetAfter(T),
};
const ID = heldRunId(T, MATCH);

/** Nakama's storage, one weekly board (operator best) and the users there are. */
function fakeNakama(board: { score: number } | null = null) {
  const store = fakeStorage();
  let record = board ? { ownerId: USER, username: "quick", score: board.score, rank: 1 } : null;
  const boardWrites: { score: number; metadata: unknown }[] = [];
  let failBoard = false;
  const nk = {
    ...store,
    leaderboardRecordsList: () => ({ ownerRecords: record ? [record] : [], records: [] }),
    leaderboardRecordWrite: (
      _id: string,
      ownerId: string,
      username: string,
      score: number,
      _sub: number,
      metadata: unknown,
    ) => {
      if (failBoard) throw new Error("failed to write leaderboard record: database down");
      boardWrites.push({ score, metadata });
      if (!record || score > record.score) record = { ownerId, username, score, rank: 1 };
      return record;
    },
    usersGetId: (ids: string[]) =>
      ids.filter((id) => id === USER).map((userId) => ({ userId, username: "quick_now" })),
  } as unknown as nkruntime.Nakama;
  const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as nkruntime.Logger;
  writeOwned(nk, [holdWrite(run)]);
  return {
    nk,
    logger,
    store,
    boardWrites,
    held: () => readHeld(nk, logger, ID).value,
    replayOf: () =>
      store.valueOf({ collection: "round_replays", key: "weekly_best", userId: USER }),
    failBoardWrites: () => {
      failBoard = true;
    },
  };
}

function refusal(f: () => unknown) {
  try {
    f();
  } catch (err) {
    return { ...parseRpcError(err), code: (err as { code: number }).code };
  }
  throw new Error("no refusal");
}

describe("a held run, decided", () => {
  it("is keyed by when it was played, so the queue lists oldest first", () => {
    expect(ID).toBe(`${T}_6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f`);
    expect(heldRunId(T + 1, MATCH) > ID).toBe(true);
    expect(heldRunId(T - 86_400_000, MATCH) < ID).toBe(true);
  });

  it("approved: on the board with what the round would have written, its replay too, out of the queue", () => {
    const f = fakeNakama();
    expect(decideHeld(f.nk, f.logger, ID, "approve", T + 60_000)).toEqual({
      id: ID,
      decision: "approve",
      outcome: "on_board",
      best: 40,
      rank: 1,
    });
    expect(f.boardWrites).toEqual([
      {
        score: 40,
        metadata: {
          gifts: 40,
          power_ups_used: 1,
          client: "web",
          live: run.live,
          approved_at: T + 60_000,
        },
      },
    ]);
    expect(f.replayOf()).toEqual(replay);
    expect(f.held()).toBeUndefined();
  });

  it("approved twice: written once; the second hears 404 review_unknown", () => {
    const f = fakeNakama();
    decideHeld(f.nk, f.logger, ID, "approve", T);
    expect(refusal(() => decideHeld(f.nk, f.logger, ID, "approve", T))).toMatchObject({
      reason: "review_unknown",
      code: 5,
    });
    expect(refusal(() => decideHeld(f.nk, f.logger, ID, "reject", T))).toMatchObject({
      reason: "review_unknown",
    });
    expect(f.boardWrites).toHaveLength(1);
  });

  it("taken by one decision only, of two that read the same version", () => {
    const f = fakeNakama();
    const { version } = readHeld(f.nk, f.logger, ID);
    expect(claimHeld(f.nk, ID, version)).toBe(true);
    expect(claimHeld(f.nk, ID, version)).toBe(false);
  });

  it("rejected: out of the queue, nothing on the board", () => {
    const f = fakeNakama();
    expect(decideHeld(f.nk, f.logger, ID, "reject", T)).toMatchObject({
      outcome: "rejected",
      best: 0,
      rank: 0,
    });
    expect(f.boardWrites).toEqual([]);
    expect(f.held()).toBeUndefined();
  });

  it("approved after its week's reset: on no board (not the wrong week's), out of the queue", () => {
    const f = fakeNakama();
    expect(decideHeld(f.nk, f.logger, ID, "approve", run.week_ends_at)).toMatchObject({
      outcome: "week_over",
    });
    expect(f.boardWrites).toEqual([]);
    expect(f.held()).toBeUndefined();
  });

  it("approved under a better score of the player's: the board keeps the best, and its replay", () => {
    const f = fakeNakama({ score: 55 });
    expect(decideHeld(f.nk, f.logger, ID, "approve", T)).toMatchObject({
      outcome: "on_board",
      best: 55,
    });
    expect(f.replayOf()).toBeUndefined();
  });

  it("approved once its player's account is gone: on no board", () => {
    const f = fakeNakama();
    const other = { ...run, user_id: "00000000-0000-4000-8000-0000000000bb", played_at: T + 1 };
    writeOwned(f.nk, [holdWrite(other)]);
    expect(decideHeld(f.nk, f.logger, heldRunId(T + 1, MATCH), "approve", T)).toMatchObject({
      outcome: "player_gone",
    });
    expect(f.boardWrites).toEqual([]);
  });

  it("back in the queue when the board write fails, to be decided again", () => {
    const f = fakeNakama();
    f.failBoardWrites();
    expect(() => decideHeld(f.nk, f.logger, ID, "approve", T)).toThrow("database down");
    expect(f.held()).toEqual(run);
  });

  it("unknown: 404 review_unknown", () => {
    const f = fakeNakama();
    expect(
      refusal(() =>
        decideHeld(f.nk, f.logger, heldRunId(T, MATCH.replace("6f", "7f")), "reject", T),
      ),
    ).toMatchObject({ reason: "review_unknown", code: 5 });
  });
});
