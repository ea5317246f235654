import { randomUUID } from "node:crypto";
import {
  LIVE_ROUND_CREATE,
  PLAYER_STATS_GET,
  parseRpcError,
  playerStatsGet,
  SESSION_CHECK,
  WEEKLY_LEADERBOARD_ID,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { createLiveRound, LivePlayer, playLiveRound } from "./live-client";
import { guest, newClient, rawRpc } from "./nakama";
import { ownStack } from "./own-stack";
import { SERVER_KEY } from "./sessions-support";

// Faults on a stack of this file's own: Nakama restarted mid-round, Postgres stopped. Live
// rounds of 3 s after a short countdown (the restart needs a round still running).
const ROUND_MS = 3_000;
const stack = ownStack({
  name: "faults",
  runtimeEnv: {
    ROUND_DURATION_MS: String(ROUND_MS),
    LIVE_START_DELAY_MS: "200",
    LIVE_LINGER_MS: "500",
  },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function player() {
  return guest(newClient(stack().port));
}

function noStack(text: string) {
  expect(text).not.toMatch(/goroutine|panic|\.go:\d+|handleRpc|callRpc|pq:|SQLSTATE/);
}

/** Nothing of the database or of Nakama's Go code: user, host, port, driver, function names. */
function noInternals(text: string) {
  noStack(text);
  expect(text).not.toMatch(
    /postgres|nakama@|user=|host=|127\.0\.0\.1|localhost|:\d{4,5}\b|dial|GoError|github\.com|\(\*|57P01|connection refused|register(Before|After)/i,
  );
}

/** One of Nakama's own APIs over HTTP: status, body and the reason it names. */
async function api(method: string, path: string, body: unknown, auth: string) {
  const res = await fetch(`http://127.0.0.1:${stack().port}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, text, reason: parseRpcError(json).reason };
}

const basic = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`;

describe("faults on the real stack", () => {
  it("a Nakama restart mid-round ends it: the socket closes, nothing of it is written, the next round ranks", async () => {
    const who = await player();
    const { session } = who;
    const { match_id } = await createLiveRound(stack().port, session);
    const p = new LivePlayer(who.client, session, match_id);
    let closed = false;
    try {
      await p.join();
      if (!p.socket) throw new Error("no socket after the join");
      p.socket.ondisconnect = () => {
        closed = true;
      };
      // Mid-round: the server has confirmed some play.
      while (p.frames.length < 3) await sleep(20);
      await stack().restartNakama();
    } finally {
      p.close();
    }
    expect(closed).toBe(true);
    expect(p.end).toBeNull();
    const stats = await rawRpc(PLAYER_STATS_GET, "{}", session, stack().port);
    expect(playerStatsGet.response.parse(stats.json)).toMatchObject({ games_played: 0 });
    const board = await who.client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      session.user_id ?? "",
    ]);
    expect(board.owner_records ?? []).toHaveLength(0);

    const next = await playLiveRound(stack().port, who);
    expect(next.reason).toBe("completed");
    const after = await rawRpc(PLAYER_STATS_GET, "{}", session, stack().port);
    expect(playerStatsGet.response.parse(after.json)).toMatchObject({ games_played: 1 });
  });

  it("with Postgres stopped, RPCs fail with a clean typed error; nothing half-written; all good when it is back", async () => {
    const who = await player();
    const { session } = who;
    // Its first call checks the login in the database; later ones find it cached.
    expect((await rawRpc(SESSION_CHECK, "{}", session, stack().port)).status).toBe(200);
    await stack().pg.stop();
    try {
      for (const id of [LIVE_ROUND_CREATE, PLAYER_STATS_GET]) {
        const res = await rawRpc(id, "{}", session, stack().port);
        expect(res.status, `${id}: ${res.text}`).toBe(503);
        expect(parseRpcError(res.json).reason, id).toBe("unavailable");
        noStack(res.text);
      }
      // RPCs that need no database keep working.
      expect((await rawRpc(SESSION_CHECK, "{}", session, stack().port)).status).toBe(200);
    } finally {
      await stack().pg.start();
    }
    // Back without restarting Nakama: the refused start spent nothing, and a round is written.
    let res = await rawRpc(PLAYER_STATS_GET, "{}", session, stack().port);
    for (let i = 0; i < 20 && res.status === 503; i++) {
      await sleep(250); // the pool reconnects on its own
      res = await rawRpc(PLAYER_STATS_GET, "{}", session, stack().port);
    }
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ games_played: 0 });
    const end = await playLiveRound(stack().port, who);
    expect(end.reason).toBe("completed");
    const stats = await rawRpc(PLAYER_STATS_GET, "{}", session, stack().port);
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ games_played: 1, best: end.score });
  });

  it("with Postgres stopped, sign-in, sign-up, refresh, GetAccount, UpdateAccount, LinkEmail and storage writes answer 503 unavailable, no internals", async () => {
    const deviceId = randomUUID();
    const { session } = await guest(newClient(stack().port), deviceId);
    const email = `f${randomUUID().slice(0, 8)}@example.com`;
    await newClient(stack().port).authenticateEmail(email, "password1", true, "faults_user");
    const bearer = `Bearer ${session.token}`;
    await stack().pg.stop();
    try {
      const calls: [string, () => ReturnType<typeof api>][] = [
        [
          "device sign-in",
          () => api("POST", "/v2/account/authenticate/device", { id: deviceId }, basic),
        ],
        [
          "new device",
          () =>
            api("POST", "/v2/account/authenticate/device?create=true", { id: randomUUID() }, basic),
        ],
        [
          "email sign-in",
          () =>
            api(
              "POST",
              "/v2/account/authenticate/email?create=false",
              { email, password: "password1" },
              basic,
            ),
        ],
        [
          "email sign-up",
          () =>
            api(
              "POST",
              "/v2/account/authenticate/email?create=true&username=faults_new",
              { email: `n${email}`, password: "password1" },
              basic,
            ),
        ],
        [
          "custom sign-in",
          () =>
            api(
              "POST",
              "/v2/account/authenticate/custom?create=true",
              { id: `custom-${randomUUID()}` },
              basic,
            ),
        ],
        [
          "refresh",
          () => api("POST", "/v2/account/session/refresh", { token: session.refresh_token }, basic),
        ],
        ["GetAccount", () => api("GET", "/v2/account", undefined, bearer)],
        ["UpdateAccount", () => api("PUT", "/v2/account", { display_name: "Santa" }, bearer)],
        [
          "storage write",
          () =>
            api(
              "PUT",
              "/v2/storage",
              { objects: [{ collection: "notes", key: "k", value: "{}" }] },
              bearer,
            ),
        ],
        [
          "storage delete",
          () =>
            api(
              "PUT",
              "/v2/storage/delete",
              { object_ids: [{ collection: "notes", key: "k" }] },
              bearer,
            ),
        ],
        [
          "LinkEmail",
          () =>
            api(
              "POST",
              "/v2/account/link/email",
              { email: `l${email}`, password: "password1" },
              bearer,
            ),
        ],
      ];
      // Twice: the first query after Postgres stops may meet a pooled connection it just
      // terminated (57P01), later ones fail to connect.
      for (let round = 0; round < 2; round++) {
        for (const [name, call] of calls) {
          const res = await call();
          expect(res.status, `${name}: ${res.text}`).toBe(503);
          expect(res.reason, name).toBe("unavailable");
          noInternals(res.text);
        }
      }
    } finally {
      await stack().pg.start();
    }
    let back = await api("GET", "/v2/account", undefined, bearer);
    for (let i = 0; i < 20 && back.status === 503; i++) {
      await sleep(250);
      back = await api("GET", "/v2/account", undefined, bearer);
    }
    expect(back.status, back.text).toBe(200);
    const res = await api(
      "POST",
      "/v2/account/session/refresh",
      { token: session.refresh_token },
      basic,
    );
    expect(res.status, res.text).toBe(200);
  });
});
