import { randomUUID } from "node:crypto";
import {
  PLAYER_STATS_GET,
  parseRpcError,
  ROUND_START,
  ROUND_SUBMIT,
  roundStart,
  roundSubmit,
  SESSION_CHECK,
} from "@gift-grab/contracts";
import { playBot } from "@gift-grab/simulation/bot";
import { describe, expect, it } from "vitest";
import { guest, newClient, rawRpc } from "./nakama";
import { ownStack } from "./own-stack";
import { SERVER_KEY } from "./sessions-support";

// Faults on a stack of this file's own: Nakama restarted mid-round, Postgres stopped.
const ROUND_MS = 800;
const stack = ownStack({ name: "faults", runtimeEnv: { ROUND_DURATION_MS: String(ROUND_MS) } });

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
  it("a round started before a Nakama restart is submitted after it, exactly once", async () => {
    const { session } = await player();
    const start = roundStart.response.parse(
      (await rawRpc(ROUND_START, "{}", session, stack().port)).json,
    );
    await stack().restartNakama();
    await sleep(Math.max(0, start.started_at + start.duration_ms - Date.now()) + 100);
    const played = playBot(start, { seed: 1 });
    const body = JSON.stringify({
      ticket: start.ticket,
      score: played.score,
      inputs: played.inputs,
    });
    const first = await rawRpc(ROUND_SUBMIT, body, session, stack().port);
    expect(first.status, first.text).toBe(200);
    const result = roundSubmit.response.parse(first.json);
    expect(result).toMatchObject({ accepted: true, score: played.score });
    const retry = await rawRpc(ROUND_SUBMIT, body, session, stack().port);
    expect(roundSubmit.response.parse(retry.json)).toEqual(result);
  });

  it("with Postgres stopped, RPCs fail with a clean typed error; nothing half-written; all good when it is back", async () => {
    const { session } = await player();
    const start = roundStart.response.parse(
      (await rawRpc(ROUND_START, "{}", session, stack().port)).json,
    );
    await sleep(ROUND_MS + 100);
    const played = playBot(start, { seed: 2 });
    const body = JSON.stringify({
      ticket: start.ticket,
      score: played.score,
      inputs: played.inputs,
    });
    await stack().pg.stop();
    try {
      for (const [id, payload] of [
        [ROUND_SUBMIT, body],
        [ROUND_START, "{}"],
        [PLAYER_STATS_GET, "{}"],
      ] as const) {
        const res = await rawRpc(id, payload, session, stack().port);
        expect(res.status, `${id}: ${res.text}`).toBe(503);
        expect(parseRpcError(res.json).reason, id).toBe("unavailable");
        noStack(res.text);
      }
      // RPCs that need no database keep working.
      expect((await rawRpc(SESSION_CHECK, "{}", session, stack().port)).status).toBe(200);
    } finally {
      await stack().pg.start();
    }
    // Back without restarting Nakama: the ticket was not consumed by the failed submit.
    let res = await rawRpc(ROUND_SUBMIT, body, session, stack().port);
    for (let i = 0; i < 20 && res.status === 503; i++) {
      await sleep(250); // the pool reconnects on its own
      res = await rawRpc(ROUND_SUBMIT, body, session, stack().port);
    }
    expect(res.status, res.text).toBe(200);
    expect(roundSubmit.response.parse(res.json)).toMatchObject({
      accepted: true,
      score: played.score,
      best: played.score,
    });
    const stats = await rawRpc(PLAYER_STATS_GET, "{}", session, stack().port);
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ games_played: 1 });
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
