import { execFileSync } from "node:child_process";
import {
  LEADERBOARD_VIEW,
  type LeaderboardEntry,
  leaderboardView,
  type RpcResponse,
  WEEKLY_LEADERBOARD_ID,
  weeklyResetAfter,
  weeklyResetBefore,
} from "@gift-grab/contracts";
import { inputsForScore, playBot } from "@gift-grab/simulation/bot";
import type { Session } from "@heroiclabs/nakama-js";
import { beforeAll, describe, expect, it } from "vitest";
import { ownStack } from "./own-stack";
import {
  call,
  player,
  type StartResult,
  type SubmitRequest,
  start,
  submit,
  untilOver,
  userId,
} from "./rounds-client";

// Scores are replayed, so each must really be played: in 60 s rounds a bot steering at the
// gift scores 26–63 (500 seeds), and thirty players get the distinct scores 1..30 (the
// bot stops grabbing at its score). The round that reaches highest is kept for a 31st player.
const DURATION = 60_000;
const PLAYERS = 30;
const stack = ownStack({
  name: "leaderboard",
  runtimeEnv: { ROUND_DURATION_MS: String(DURATION), ROUND_EARLY_TOLERANCE_MS: "200" },
});
const port = () => stack().port;
const players: { session: Session; score: number }[] = [];
let topRound: { session: Session; round: StartResult; score: number };

function bodyFor(round: StartResult, score: number): SubmitRequest {
  const inputs = inputsForScore(round, score);
  if (!inputs) throw new Error(`round with seed ${round.seed} can't reach ${score}`);
  return { ticket: round.ticket, score, inputs };
}

type View = RpcResponse<typeof leaderboardView>;

async function view(session: Session, body: object = {}): Promise<View> {
  const res = await call(port(), session, LEADERBOARD_VIEW, body);
  if (res.status !== 200)
    throw new Error(`leaderboard_view: ${res.status} ${JSON.stringify(res.json)}`);
  return leaderboardView.response.parse(res.json);
}

function playerWith(score: number) {
  const found = players.find((p) => p.score === score);
  if (!found) throw new Error(`no player scored ${score}`);
  return found;
}

const ranks = (rows: LeaderboardEntry[]) => rows.map((r) => r.rank);
const scores = (rows: LeaderboardEntry[]) => rows.map((r) => r.score);
const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

beforeAll(async () => {
  const started = await Promise.all(
    range(0, PLAYERS).map(async () => {
      const { session } = await player(port());
      const round = await start(port(), session);
      return { session, round, reach: playBot(round, { seed: 1 }).score };
    }),
  );
  // The k-th lowest reach plays score k: the assignment most likely to be playable.
  started.sort((a, b) => a.reach - b.reach);
  const top = started.pop();
  if (!top || top.reach <= PLAYERS) throw new Error(`no round reaches above ${PLAYERS}`);
  topRound = { session: top.session, round: top.round, score: top.reach };
  const joined = started.map((p, i) => ({ ...p, body: bodyFor(p.round, i + 1) }));
  for (const p of joined) await untilOver(p.round);
  // One at a time: each submit replays a minute of play in the server's VM, and thirty at
  // once on a busy CPU can outlast Nakama's socket.write_timeout_ms (10 s), which closes the
  // connection unanswered.
  for (const { session, body } of joined) {
    const res = await submit(port(), session, body);
    if (res.status !== 200) throw new Error(`submit: ${JSON.stringify(res.json)}`);
    players.push({ session, score: body.score });
  }
}, 180_000);

describe("leaderboard_view with 30 players", () => {
  it("gives every player their own rank and score", async () => {
    for (const p of players) {
      const { me } = await view(p.session);
      expect(me).toMatchObject({ rank: PLAYERS + 1 - p.score, score: p.score, is_me: true });
    }
  });

  it("pages the top 10 forwards and back", async () => {
    const { session } = playerWith(25);
    const first = await view(session);
    expect(ranks(first.records)).toEqual(range(1, 10));
    expect(scores(first.records)).toEqual(range(21, 30).reverse());
    expect(first.records.filter((r) => r.is_me).map((r) => r.score)).toEqual([25]);
    expect(first.records[0]).toMatchObject({ gifts: 30 });
    expect(first.prev_cursor).toBeNull();
    expect(first.next_cursor).not.toBeNull();

    const second = await view(session, { cursor: first.next_cursor });
    expect(ranks(second.records)).toEqual(range(11, 20));
    expect(scores(second.records)).toEqual(range(11, 20).reverse());
    const third = await view(session, { cursor: second.next_cursor });
    expect(ranks(third.records)).toEqual(range(21, 30));
    expect(third.next_cursor).toBeNull();

    const back = await view(session, { cursor: second.prev_cursor });
    expect(ranks(back.records)).toEqual(range(1, 10));
  });

  it("centres the page on the caller with around_me", async () => {
    const { session } = playerWith(16); // rank 15
    const around = await view(session, { around_me: true });
    const mine = around.records.find((r) => r.is_me);
    expect(mine).toMatchObject({ rank: 15, score: 16 });
    expect(around.records.length).toBeGreaterThanOrEqual(5);
    const r = ranks(around.records);
    expect(r).toEqual(range(r[0] ?? 0, (r[0] ?? 0) + r.length - 1));
    expect(r[0]).toBeGreaterThan(1);
    expect(r[r.length - 1]).toBeLessThan(PLAYERS + 1);
    for (const row of around.records) expect(row.score).toBe(PLAYERS + 1 - row.rank);
  });

  it("pages Nakama's own records-around-owner with its cursor (the module's cursor check lets it through)", async () => {
    const { session } = playerWith(16);
    const path = `/v2/leaderboard/${WEEKLY_LEADERBOARD_ID}/owner/${userId(session)}`;
    const get = async (query: string) => {
      const res = await fetch(`http://127.0.0.1:${port()}${path}?limit=5${query}`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      return {
        status: res.status,
        json: (await res.json()) as { next_cursor?: string; records?: { rank: number }[] },
      };
    };
    const around = await get("");
    expect(around.status).toBe(200);
    expect(around.json.next_cursor).toBeTruthy();
    const next = await get(`&cursor=${encodeURIComponent(around.json.next_cursor ?? "")}`);
    expect(next.status).toBe(200);
    expect(next.json.records?.length).toBeGreaterThan(0);
    const junk = await get("&cursor=zzzz");
    expect(junk.status).toBe(400);
  });

  it("shows the top page and no record for a player who has not played", async () => {
    const { session } = await player(port());
    const res = await view(session, { around_me: true });
    expect(res.me).toBeNull();
    expect(ranks(res.records)).toEqual(range(1, 10));
    expect(res.records.some((r) => r.is_me)).toBe(false);
  });

  it("says when the board resets: next Monday 00:00 UTC by the server's clock", async () => {
    const { session } = playerWith(1);
    const res = await view(session);
    expect(Math.abs(res.server_now - Date.now())).toBeLessThan(10_000);
    expect(res.next_reset_at).toBe(weeklyResetAfter(res.server_now));
    expect(new Date(res.next_reset_at).getUTCDay()).toBe(1);
  });

  it("refuses a cursor that is not one with invalid_payload (3)", async () => {
    const { session } = playerWith(1);
    const res = await call(port(), session, LEADERBOARD_VIEW, { cursor: "bogus" });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ reason: "invalid_payload", code: 3 });
  });

  it("lists last week's top 3, kept apart from this week's board", async () => {
    // Last week's records are the rows that expired at the reset that began this week.
    // Write them straight into Postgres: the server can't travel back in time.
    const prevReset = new Date(weeklyResetBefore(Date.now())).toISOString();
    const owners = await Promise.all(range(1, 4).map(() => player(port())));
    const rows = owners
      .map(
        (o, i) =>
          `('${WEEKLY_LEADERBOARD_ID}', '${userId(o.session)}', 'lastweek${i}', ${100 + i * 10}, '{"gifts": ${100 + i * 10}, "power_ups_used": 1, "client": "test"}', '${prevReset}')`,
      )
      .join(",");
    execFileSync("psql", [
      `postgresql://${stack().databaseAddress}`,
      "-v",
      "ON_ERROR_STOP=1",
      "-c",
      `INSERT INTO leaderboard_record (leaderboard_id, owner_id, username, score, metadata, expiry_time) VALUES ${rows}`,
    ]);

    const { session } = playerWith(30);
    const res = await view(session);
    // The names are the accounts' now, not the ones the records were written with (a rename
    // shows at once: docs/security.md, "Current names").
    expect(res.last_week_top).toEqual([
      {
        rank: 1,
        owner_id: expect.any(String),
        username: owners[3]?.session.username,
        display_name: owners[3]?.session.username,
        score: 130,
        gifts: 130,
        power_ups_used: 1,
        is_me: false,
      },
      {
        rank: 2,
        owner_id: expect.any(String),
        username: owners[2]?.session.username,
        display_name: owners[2]?.session.username,
        score: 120,
        gifts: 120,
        power_ups_used: 1,
        is_me: false,
      },
      {
        rank: 3,
        owner_id: expect.any(String),
        username: owners[1]?.session.username,
        display_name: owners[1]?.session.username,
        score: 110,
        gifts: 110,
        power_ups_used: 1,
        is_me: false,
      },
    ]);
    expect(res.records[0]).toMatchObject({ rank: 1, score: 30 });
  });

  it("returns from round_submit the rank the board then shows", async () => {
    const { session, round, score: top } = topRound;
    const res = await submit(port(), session, bodyFor(round, top));
    expect(res.json).toMatchObject({ accepted: true, rank: 1, best: top, new_best: true });
    const after = await view(session);
    expect(after.me).toMatchObject({ rank: 1, score: top });
    expect(after.records[1]).toMatchObject({ rank: 2, score: 30 });
    const second = await view(playerWith(30).session);
    expect(second.me?.rank).toBe(2);
  });
});
