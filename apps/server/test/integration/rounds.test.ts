import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import {
  LEADERBOARD_VIEW,
  leaderboardView,
  PLAYER_STATS_COLLECTION,
  PLAYER_STATS_GET,
  PLAYER_STATS_KEY,
  PlayerStats,
  ROUND_START,
  roundSubmit,
  WEEKLY_LEADERBOARD_ID,
} from "@gift-grab/contracts";
import { canonicalInputs, replay } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { newClient } from "./nakama";
import { ownStack } from "./own-stack";
import {
  call,
  first,
  idle,
  played,
  player,
  scoringRound,
  sleep,
  start,
  submit,
  untilOver,
  userId,
} from "./rounds-client";

const DURATION = 1500;
const WINDOW = 2000;
const RETENTION = 500;
const stack = ownStack({
  name: "rounds",
  runtimeEnv: {
    ROUND_DURATION_MS: String(DURATION),
    ROUND_EARLY_TOLERANCE_MS: "200",
    ROUND_SUBMIT_WINDOW_MS: String(WINDOW),
    ROUND_TICKET_RETENTION_MS: String(RETENTION),
  },
});
const port = () => stack().port;

describe("round_start", () => {
  it("hands out a ticket with the configured duration, a seed and the server's start time", async () => {
    const { session } = await player(port());
    const before = Date.now();
    const round = await start(port(), session);
    expect(round.ticket).toMatch(/^[0-9a-f-]{36}$/);
    expect(round.duration_ms).toBe(DURATION);
    expect(round.orientation).toBe("landscape");
    expect(round.seed).toBeGreaterThanOrEqual(0);
    expect(round.seed).toBeLessThan(2 ** 32);
    expect(round.started_at).toBeGreaterThanOrEqual(before - 1000);
    expect(round.started_at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("keeps tickets out of the client's reach", async () => {
    const { client, session } = await player(port());
    const round = await start(port(), session);
    const read = await client.readStorageObjects(session, {
      object_ids: [{ collection: "round_tickets", key: round.ticket, user_id: session.user_id }],
    });
    expect(read.objects).toHaveLength(0);
    await expect(
      client.writeStorageObjects(session, [
        { collection: "round_tickets", key: round.ticket, value: { state: "open" } },
      ]),
    ).rejects.toBeDefined();
  });

  it("retires the round still being played when a new one starts: a quit never blocks the next", async () => {
    const { session } = await player(port());
    const quit = await start(port(), session);
    const next = await start(port(), session);
    await untilOver(next);
    const retired = await submit(port(), session, idle(quit));
    expect(retired.status).toBe(400);
    expect(retired.error).toMatchObject({ reason: "round_retired", code: 9 });
    expect((await submit(port(), session, idle(next))).status).toBe(200);
  });

  it("lets a player start 10 rounds a minute (quitting each) and says when the 11th may start", async () => {
    const { session } = await player(port());
    for (let i = 0; i < 10; i++) await start(port(), session);
    const eleventh = await call(port(), session, ROUND_START, {});
    expect(eleventh.status).toBe(429);
    expect(eleventh.error).toMatchObject({ reason: "rate_limited", code: 8 });
    expect(eleventh.error?.detail).toMatch(/retry in [1-6]?\d s$/);
  });

  it("leaves a finished, unsubmitted round alone: it can still be submitted after later starts", async () => {
    const { session } = await player(port());
    const rounds = [];
    for (let i = 0; i < 3; i++) rounds.push(await start(port(), session));
    const last = rounds[2];
    if (!last) throw new Error("no round");
    await untilOver(last);
    // Over but not submitted (queued offline): not retired by the next start.
    const fourth = await start(port(), session);
    expect(fourth.ticket).not.toBe(last.ticket);
    expect((await submit(port(), session, idle(last))).status).toBe(200);
  });

  it("deletes tickets past their retention on the next start", async () => {
    const { session } = await player(port());
    const round = await start(port(), session);
    await untilOver(round);
    const body = idle(round);
    expect((await submit(port(), session, body)).status).toBe(200);
    expect((await submit(port(), session, body)).status).toBe(200);
    await sleep(round.started_at + DURATION + WINDOW + RETENTION + 100 - Date.now());
    await start(port(), session);
    const gone = await submit(port(), session, body);
    expect(gone.status).toBe(404);
    expect(gone.error).toMatchObject({ reason: "ticket_unknown", code: 5 });
  });

  it("lets only the allowed number of a burst of concurrent starts through", async () => {
    const { session } = await player(port());
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call(port(), session, ROUND_START, {})),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThanOrEqual(10);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(429);
      expect(r.error?.reason).toBe("rate_limited");
    }
  });
});

describe("round_submit", () => {
  it("accepts a finished round: best, rank, new best, stats and the record's metadata", async () => {
    const { client, session } = await player(port());
    const { round, body, skipped } = await scoringRound(port(), session);
    const run = replay(round, body.inputs);
    const res = await submit(port(), session, body);
    expect(res.status).toBe(200);
    expect(roundSubmit.response.parse(res.json)).toEqual({
      accepted: true,
      score: run.score,
      best: run.score,
      rank: expect.any(Number),
      new_best: true,
    });
    expect((res.json as { rank: number }).rank).toBeGreaterThanOrEqual(1);

    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    const mine = list.owner_records?.[0];
    expect(mine?.score).toBe(run.score);
    // gifts and power-ups are the replay's, not the client's word
    expect(mine?.metadata).toEqual({
      gifts: run.gifts,
      power_ups_used: run.power_ups_used,
      client: "unknown",
    });

    // A score of 0 later: accepted, the best stays, not a new best.
    const second = await start(port(), session);
    await untilOver(second);
    const lower = await submit(port(), session, idle(second));
    expect(lower.json).toMatchObject({
      accepted: true,
      score: 0,
      best: run.score,
      new_best: false,
    });

    const statsRes = await call(port(), session, PLAYER_STATS_GET, {});
    const s = PlayerStats.parse(statsRes.json);
    expect(s).toMatchObject({ games_played: 2 + skipped, best: run.score, total_gifts: run.gifts });
    expect(s.last_played_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it("keeps a round that caught nothing off the board: stats only, never a new best", async () => {
    const { client, session } = await player(port());
    const round = await start(port(), session);
    await untilOver(round);
    const zero = await submit(port(), session, idle(round));
    expect(zero.status).toBe(200);
    expect(roundSubmit.response.parse(zero.json)).toEqual({
      accepted: true,
      score: 0,
      best: 0,
      rank: 0,
      new_best: false,
    });
    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records ?? []).toEqual([]);
    const view = await call(port(), session, LEADERBOARD_VIEW, { around_me: true });
    expect(leaderboardView.response.parse(view.json).me).toBeFalsy();
    const stats = PlayerStats.parse((await call(port(), session, PLAYER_STATS_GET, {})).json);
    expect(stats).toMatchObject({ games_played: 1, best: 0 });

    // After a best, a 0 answers the board's best and rank and leaves the record as it was.
    const { body } = await scoringRound(port(), session);
    const best = roundSubmit.response.parse((await submit(port(), session, body)).json);
    const next = await start(port(), session);
    await untilOver(next);
    const after = await submit(port(), session, idle(next));
    expect(after.json).toEqual({ ...best, score: 0, new_best: false });
    const mine = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(mine.owner_records?.[0]?.score).toBe(body.score);
  });

  it("tags the record with the session's client var", async () => {
    const client = newClient(port());
    const session = await client.authenticateDevice(randomUUID(), true, undefined, {
      client: "web-test",
    });
    const { body } = await scoringRound(port(), session);
    expect((await submit(port(), session, body)).status).toBe(200);
    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records?.[0]?.metadata).toMatchObject({ client: "web-test" });
  });

  it("lets the owner read the stats object but not write it", async () => {
    const { client, session } = await player(port());
    const round = await start(port(), session);
    await untilOver(round);
    const body = played(round);
    expect((await submit(port(), session, body)).status).toBe(200);
    const read = await client.readStorageObjects(session, {
      object_ids: [
        { collection: PLAYER_STATS_COLLECTION, key: PLAYER_STATS_KEY, user_id: userId(session) },
      ],
    });
    expect(PlayerStats.parse(read.objects[0]?.value)).toMatchObject({
      games_played: 1,
      best: body.score,
    });
    await expect(
      client.writeStorageObjects(session, [
        {
          collection: PLAYER_STATS_COLLECTION,
          key: PLAYER_STATS_KEY,
          value: { games_played: 999, best: 999, total_gifts: 0, last_played_at: null },
        },
      ]),
    ).rejects.toBeDefined();
    const again = await call(port(), session, PLAYER_STATS_GET, {});
    expect(again.json).toMatchObject({ games_played: 1, best: body.score });
  });

  it("shows the player's display name on the board, or the username without one", async () => {
    const named = await player(port());
    await named.client.updateAccount(named.session, { display_name: "Jolly Elf 42" });
    const plain = await player(port());
    for (const p of [named, plain]) {
      const { body } = await scoringRound(port(), p.session);
      expect((await submit(port(), p.session, body)).status).toBe(200);
    }
    const meOf = async (session: typeof named.session) =>
      leaderboardView.response.parse(
        (await call(port(), session, LEADERBOARD_VIEW, { around_me: true })).json,
      ).me;
    expect(await meOf(named.session)).toMatchObject({ display_name: "Jolly Elf 42" });
    const plainMe = await meOf(plain.session);
    expect(plainMe?.display_name).toBe(plainMe?.username);
    expect(plainMe?.username).toMatch(/^guest_/);
  });

  it("gives zeros before the first round", async () => {
    const { session } = await player(port());
    const res = await call(port(), session, PLAYER_STATS_GET, {});
    expect(res.json).toEqual({ games_played: 0, best: 0, total_gifts: 0, last_played_at: null });
  });

  it("refuses an early submit (9) and accepts the same ticket once the round is over", async () => {
    const { session } = await player(port());
    const round = await start(port(), session);
    const early = await submit(port(), session, idle(round));
    expect(early.status).toBe(400);
    expect(early.error).toMatchObject({ reason: "round_not_over", code: 9 });
    await untilOver(round);
    expect((await submit(port(), session, idle(round))).status).toBe(200);
  });

  it("refuses a stale ticket (9)", async () => {
    const { session } = await player(port());
    const round = await start(port(), session);
    await sleep(DURATION + WINDOW + 300);
    const res = await submit(port(), session, idle(round));
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ reason: "ticket_expired", code: 9 });
  });

  it("takes one entry per tick as well as one run, and a portrait round by its own field", async () => {
    const { session } = await player(port());
    const round = await start(port(), session, { orientation: "portrait" });
    expect(round.orientation).toBe("portrait");
    await untilOver(round);
    const body = played(round, 7);
    const perTick = body.inputs.flatMap(([n, dx, dy]) =>
      Array.from({ length: n }, () => [1, dx, dy] as [number, number, number]),
    );
    expect(replay({ ...round, orientation: "landscape" }, body.inputs).hash).not.toBe(
      replay(round, body.inputs).hash,
    );
    const res = await submit(port(), session, { ...body, inputs: perTick });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ score: body.score });
    // The same play encoded in runs is the identical submit.
    expect((await submit(port(), session, body)).json).toEqual(res.json);
  });

  it("refuses an unknown orientation at round_start naming the field", async () => {
    const { session } = await player(port());
    const res = await call(port(), session, ROUND_START, { orientation: "sideways" });
    expect(res.status).toBe(400);
    expect(res.error?.detail).toContain("orientation");
  });

  it("returns the first result to an identical retry and refuses any other reuse (6, HTTP 409)", async () => {
    const { session } = await player(port());
    const round = await start(port(), session);
    await untilOver(round);
    const body = played(round);
    const first = await submit(port(), session, body);
    expect(first.status).toBe(200);
    const retry = await submit(port(), session, body);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    // Other inputs (even with the same score) are another submit.
    const other = await submit(port(), session, idle(round));
    expect(other.status).toBe(409);
    expect(other.error).toMatchObject({ reason: "ticket_used", code: 6 });
    const stats = await call(port(), session, PLAYER_STATS_GET, {});
    expect(stats.json).toMatchObject({ games_played: 1, best: body.score });
  });

  it("writes exactly once for 20 concurrent submits of one ticket", async () => {
    const { client, session } = await player(port());
    const { round, body, skipped } = await scoringRound(port(), session);
    const run = replay(round, body.inputs);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => submit(port(), session, body)),
    );

    const accepted = results.filter((r) => r.status === 200);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const r of accepted) expect(r.json).toEqual(first(accepted).json);
    for (const r of results.filter((r) => r.status !== 200)) {
      // Submits that lost the race while the winner was still writing are told to retry.
      expect(r.error).toMatchObject({ reason: "ticket_busy", code: 10 });
      expect(r.status).toBe(409);
    }
    expect(first(accepted).json).toMatchObject({
      accepted: true,
      score: run.score,
      best: run.score,
    });

    // The witnesses: stats are written only by the submit that wrote the record (same code
    // path, after the claim), and the record itself was created by one write.
    const stats = await call(port(), session, PLAYER_STATS_GET, {});
    // Rounds scoringRound passed over (a 0 on an idle submit) count as played too.
    expect(stats.json).toMatchObject({ games_played: skipped + 1, total_gifts: run.gifts });
    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records?.[0]?.num_score).toBe(1);

    // Everyone who retries now gets the same answer.
    const retry = await submit(port(), session, body);
    expect(retry.json).toEqual(first(accepted).json);
  });
});

describe("round_submit after a submit died mid-way", () => {
  /** Puts the ticket in the state a submit leaves if its node dies after claiming. */
  function markClaimed(ticket: string, fingerprint: string, claimedAt: number) {
    execFileSync("psql", [
      `postgresql://${stack().databaseAddress}`,
      "-v",
      "ON_ERROR_STOP=1",
      "-c",
      `UPDATE storage SET value = value || '{"state":"claimed","fingerprint":"${fingerprint}","claimed_at":${claimedAt}}'::jsonb, version = md5(random()::text) WHERE collection = 'round_tickets' AND key = '${ticket}'`,
    ]);
  }

  it("reports a fresh claim as busy and lets an identical retry take over an abandoned one", async () => {
    const { session } = await player(port());
    const round = await start(port(), session);
    await untilOver(round);
    const body = played(round);
    const run = replay(round, body.inputs);
    // What the server's submitFingerprint makes of it (nk.sha256Hash: lowercase hex).
    const fingerprint = `${body.score}|${createHash("sha256")
      .update(JSON.stringify(canonicalInputs(body.inputs)))
      .digest("hex")}`;

    markClaimed(round.ticket, fingerprint, Date.now());
    const busy = await submit(port(), session, body);
    expect(busy.status).toBe(409);
    expect(busy.error).toMatchObject({ reason: "ticket_busy", code: 10 });

    markClaimed(round.ticket, fingerprint, Date.now() - 60_000);
    const other = await submit(port(), session, idle(round));
    expect(other.error).toMatchObject({ reason: "ticket_used", code: 6 });
    const taken = await submit(port(), session, body);
    expect(taken.status).toBe(200);
    expect(taken.json).toMatchObject({ accepted: true, score: run.score, best: run.score });
    expect((await submit(port(), session, body)).json).toEqual(taken.json);
    const stats = await call(port(), session, PLAYER_STATS_GET, {});
    expect(stats.json).toMatchObject({ games_played: 1, total_gifts: run.gifts });
  });
});

describe("weekly_leaderboard", () => {
  it("refuses a client's own score write: the board is authoritative (403)", async () => {
    const { client, session } = await player(port());
    const refused = await client
      .writeLeaderboardRecord(session, WEEKLY_LEADERBOARD_ID, { score: "999" })
      .then(
        () => null,
        (res: Response) => res,
      );
    expect(refused?.status).toBe(403);
    expect(JSON.stringify(await refused?.json())).toMatch(/authoritative/i);
    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records ?? []).toHaveLength(0);
  });
});
