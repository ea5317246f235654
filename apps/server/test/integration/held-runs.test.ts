import {
  type HeldRunView,
  LeaderboardRecordMetadata,
  leaderboardView,
  parseRpcError,
  playerStatsGet,
  replayGet,
  reviewDecide,
  reviewList,
  WEEKLY_LEADERBOARD_ID,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { MAX_HUMAN_DIRECTION_CHANGES_PER_S } from "../../src/rounds/live/plausibility";
import { type LiveWho, playLiveRound } from "./live-client";
import { rawRpc } from "./nakama";
import { ownStack } from "./own-stack";
import { call, player, userId } from "./rounds-client";

// Runs outside human bounds are held for review instead of going on the board, and the
// game's own servers (the runtime HTTP key) approve or reject them: on a real Nakama, with
// live rounds played over real sockets. 6 s rounds after a short countdown.
const DURATION_MS = 6_000;
const stack = ownStack({
  name: "held-runs",
  runtimeEnv: {
    ROUND_DURATION_MS: String(DURATION_MS),
    LIVE_START_DELAY_MS: "300",
    LIVE_LINGER_MS: "1000",
  },
});
const port = () => stack().port;

/** An RPC as the game's own servers call it: with the runtime HTTP key, no session. */
async function asServer(id: string, body: unknown) {
  const res = await rawRpc(id, JSON.stringify(body), { httpKey: stack().httpKey }, port());
  return { ...res, error: res.status === 200 ? null : parseRpcError(res.json) };
}

/**
 * A round that turns every tick (LivePlayOptions.zigzag) and catches something: held. A round
 * that catches nothing goes on no board, so nothing is held: it is played again.
 */
async function heldRound(who: LiveWho) {
  for (let i = 0; i < 3; i++) {
    const end = await playLiveRound(port(), who, { zigzag: true });
    if (end.score > 0) return end;
  }
  throw new Error("no zigzag round caught a gift in 3 tries");
}

/** The player's record on the weekly board, asked of Nakama's own leaderboard API. */
async function boardRecord({ client, session }: LiveWho) {
  const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
    userId(session),
  ]);
  return list.owner_records?.[0] ?? null;
}

/** The player's place in leaderboard_view (the game's board). */
async function inView(who: LiveWho) {
  const res = await call(port(), who.session, leaderboardView.id, {});
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  const view = leaderboardView.response.parse(res.json);
  return {
    me: view.me,
    listed: view.records.some((r) => r.owner_id === userId(who.session)),
  };
}

/** The player's runs in the review queue (every page). */
async function queued(who: LiveWho): Promise<HeldRunView[]> {
  const runs: HeldRunView[] = [];
  let cursor: string | null = null;
  do {
    const res = await asServer(reviewList.id, { limit: 2, ...(cursor ? { cursor } : {}) });
    expect(res.status, res.text).toBe(200);
    const page = reviewList.response.parse(res.json);
    runs.push(...page.runs);
    cursor = page.cursor;
  } while (cursor);
  return runs.filter((r) => r.user_id === userId(who.session));
}

describe.concurrent("a run outside human bounds", () => {
  it("is held: off the board, END says so, stats count it, the review queue shows it; approved, it is on the board", async () => {
    const who = await player(port());
    const end = await heldRound(who);
    expect(end).toMatchObject({
      reason: "completed",
      held: true,
      newBest: false,
      best: 0,
      rank: 0,
    });

    // Not on the board: Nakama's own list, the game's view, and no replay to watch.
    expect(await boardRecord(who)).toBeNull();
    expect(await inView(who)).toEqual({ me: null, listed: false });
    const watched = await call(port(), who.session, replayGet.id, {
      owner_id: userId(who.session),
    });
    expect(watched.error?.reason).toBe("replay_unknown");
    // The stats count every round played, held ones too.
    const stats = await call(port(), who.session, playerStatsGet.id, {});
    expect(playerStatsGet.response.parse(stats.json).games_played).toBeGreaterThanOrEqual(1);

    const [run, ...more] = await queued(who);
    expect(more).toEqual([]);
    if (!run) throw new Error("the held run is not in the queue");
    expect(run).toMatchObject({
      username: who.session.username,
      score: end.score,
      gifts: end.gifts,
      new_best: true,
      week_over: false,
      live: { match_id: end.matchId, flagged: true, ended: "completed" },
    });
    // Why: the zigzag turns every tick (one a tick is 60 a second).
    expect(run.live.direction_changes_per_s).toBeGreaterThan(MAX_HUMAN_DIRECTION_CHANGES_PER_S);

    // Approved by the game's servers: on the board with its score, its replay to watch.
    const approved = await asServer(reviewDecide.id, { id: run.id, decision: "approve" });
    expect(approved.status, approved.text).toBe(200);
    expect(reviewDecide.response.parse(approved.json)).toMatchObject({
      id: run.id,
      outcome: "on_board",
      best: end.score,
    });
    const record = await boardRecord(who);
    expect(Number(record?.score)).toBe(end.score);
    const meta = LeaderboardRecordMetadata.parse(record?.metadata ?? {});
    expect(meta.live).toMatchObject({ match_id: end.matchId, flagged: true });
    expect(meta.approved_at).toBeGreaterThan(0);
    expect((await inView(who)).me?.score).toBe(end.score);
    const served = await call(port(), who.session, replayGet.id, {
      owner_id: userId(who.session),
    });
    expect(replayGet.response.parse(served.json).score).toBe(end.score);
    expect(await queued(who)).toEqual([]);

    // Decided once: asked again, 404; the board still holds it.
    const again = await asServer(reviewDecide.id, { id: run.id, decision: "reject" });
    expect(again.status).toBe(404);
    expect(again.error?.reason).toBe("review_unknown");
    expect(Number((await boardRecord(who))?.score)).toBe(end.score);
  });

  it("rejected: gone from the queue, never on the board", async () => {
    const who = await player(port());
    await heldRound(who);
    const [run] = await queued(who);
    if (!run) throw new Error("the held run is not in the queue");
    const rejected = await asServer(reviewDecide.id, { id: run.id, decision: "reject" });
    expect(rejected.status, rejected.text).toBe(200);
    expect(reviewDecide.response.parse(rejected.json)).toMatchObject({
      outcome: "rejected",
      best: 0,
      rank: 0,
    });
    expect(await queued(who)).toEqual([]);
    expect(await boardRecord(who)).toBeNull();
    expect(await inView(who)).toEqual({ me: null, listed: false });
  });

  it("approved twice at once: one decision takes it, the other hears 404, the board has it once", async () => {
    const who = await player(port());
    const end = await heldRound(who);
    const [run] = await queued(who);
    if (!run) throw new Error("the held run is not in the queue");
    const answers = await Promise.all(
      [0, 1].map(() => asServer(reviewDecide.id, { id: run.id, decision: "approve" })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
    expect(answers.find((a) => a.status === 404)?.error?.reason).toBe("review_unknown");
    expect(Number((await boardRecord(who))?.score)).toBe(end.score);
  });
});

describe.concurrent("the review RPCs", () => {
  it("refuse a signed-in player with 403 server_only, before reading anything", async () => {
    const who = await player(port());
    await heldRound(who);
    const [run] = await queued(who);
    if (!run) throw new Error("the held run is not in the queue");
    for (const [id, body] of [
      [reviewList.id, {}],
      [reviewDecide.id, { id: run.id, decision: "approve" }],
      // Refused before the payload is read: no 400 for a bad one.
      [reviewDecide.id, { not_a_field: 1 }],
    ] as const) {
      const res = await call(port(), who.session, id, body);
      expect(res.status, `${id}: ${JSON.stringify(res.json)}`).toBe(403);
      expect(res.error).toMatchObject({ reason: "server_only", code: 7 });
    }
    // Nothing decided: still held, still off the board.
    expect((await queued(who)).map((r) => r.id)).toEqual([run.id]);
    expect(await boardRecord(who)).toBeNull();
  });

  it("refuse a cursor the server didn't give with 400, and a malformed id with 400", async () => {
    const list = await asServer(reviewList.id, { cursor: "not-a-cursor" });
    expect(list.status, list.text).toBe(400);
    expect(list.error?.reason).toBe("invalid_payload");
    const decide = await asServer(reviewDecide.id, { id: "../x", decision: "approve" });
    expect(decide.status, decide.text).toBe(400);
    expect(decide.error?.detail).toContain("id");
  });
});

describe("an honest player", () => {
  it("goes straight on the board: the test player turns to a gift as late as a person", async () => {
    const who = await player(port());
    let end = await playLiveRound(port(), who);
    for (let i = 1; i < 3 && end.score === 0; i++) end = await playLiveRound(port(), who);
    expect(end).toMatchObject({ held: false, newBest: true });
    const meta = LeaderboardRecordMetadata.parse((await boardRecord(who))?.metadata ?? {});
    expect(meta.live?.flagged).toBe(false);
    expect(await queued(who)).toEqual([]);
  });
});
