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
import type { Session } from "@heroiclabs/nakama-js";
import { beforeAll, describe, expect, it } from "vitest";
import { playLiveRound } from "./live-client";
import { ownStack } from "./own-stack";
import { call, player, userId } from "./rounds-client";

// The board's pages need 30 distinct scores. A score reaches the board only from a live round
// the server plays (live-rounds.test.ts holds that path, and the last test here plays one), so
// thirty live rounds would make this file wait out a minute of real time and more: the 30
// records are planted with SQL instead, for this week's period, and Nakama restarted so its
// rank cache (filled from the database at start) has them, as it would after any restart.
const DURATION = 10_000;
const PLAYERS = 30;
const stack = ownStack({
  name: "leaderboard",
  runtimeEnv: {
    ROUND_DURATION_MS: String(DURATION),
    LIVE_START_DELAY_MS: "300",
    LIVE_LINGER_MS: "1000",
  },
});
const port = () => stack().port;
const players: { session: Session; score: number }[] = [];
/** A round that scored nothing is played again (a 0 stays off the board). */
const TRIES = 3;

/** Rows of the weekly board written straight into Postgres, expiring at `expiry` (ISO). */
function plantRecords(
  rows: { session: Session; username: string; score: number; powerUps?: number }[],
  expiry: string,
) {
  const values = rows
    .map(
      (r) =>
        `('${WEEKLY_LEADERBOARD_ID}', '${userId(r.session)}', '${r.username}', ${r.score}, '{"gifts": ${r.score}, "power_ups_used": ${r.powerUps ?? 0}, "client": "test"}', '${expiry}')`,
    )
    .join(",");
  execFileSync("psql", [
    `postgresql://${stack().databaseAddress}`,
    "-v",
    "ON_ERROR_STOP=1",
    "-c",
    `INSERT INTO leaderboard_record (leaderboard_id, owner_id, username, score, metadata, expiry_time) VALUES ${values}`,
  ]);
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
  // One after another: thirty sign-ups at once on a loaded machine were answered with a closed
  // connection ("other side closed", nothing read), as Nakama's 10 s write timeout does.
  for (const score of range(1, PLAYERS))
    players.push({ session: (await player(port())).session, score });
  const thisWeek = new Date(weeklyResetAfter(Date.now())).toISOString();
  plantRecords(
    players.map((p) => ({
      session: p.session,
      username: p.session.username ?? "",
      score: p.score,
    })),
    thisWeek,
  );
  await stack().restartNakama();
}, 120_000);

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

  it("refuses a board that is not one with invalid_payload (3), and the versus board has none of the solo rounds", async () => {
    const { session } = playerWith(1);
    const res = await call(port(), session, LEADERBOARD_VIEW, { board: "weekly_leaderboard" });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ reason: "invalid_payload", code: 3 });
    const versus = await call(port(), session, LEADERBOARD_VIEW, { board: "versus" });
    expect(leaderboardView.response.parse(versus.json)).toMatchObject({ records: [], me: null });
  });

  it("lists last week's top 3, kept apart from this week's board", async () => {
    // Last week's records are the rows that expired at the reset that began this week.
    // Write them straight into Postgres: the server can't travel back in time.
    const prevReset = new Date(weeklyResetBefore(Date.now())).toISOString();
    const owners = await Promise.all(range(1, 4).map(() => player(port())));
    plantRecords(
      owners.map((o, i) => ({
        session: o.session,
        username: `lastweek${i}`,
        score: 100 + i * 10,
        powerUps: 1,
      })),
      prevReset,
    );

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

  it("tells in END the rank the board then shows, for a score a live round earned", async () => {
    const who = await player(port());
    let end = await playLiveRound(port(), who);
    for (let i = 1; i < TRIES && end.best === 0; i++) end = await playLiveRound(port(), who);
    if (end.best === 0) throw new Error(`no round scored in ${TRIES} tries`);
    expect(end).toMatchObject({ reason: "completed", score: end.best, newBest: true });
    // Ranked among the planted 1..30: below every higher score, beside an equal one.
    const above = Math.max(0, PLAYERS - end.best);
    const tied = end.best <= PLAYERS ? 1 : 0;
    expect(end.rank).toBeGreaterThanOrEqual(above + 1);
    expect(end.rank).toBeLessThanOrEqual(above + 1 + tied);
    const after = await view(who.session);
    expect(after.me).toMatchObject({ rank: end.rank, score: end.best });
  }, 120_000);
});
