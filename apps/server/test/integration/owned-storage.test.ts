import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  decodeSessionToken,
  EMPTY_PLAYER_STATS,
  LIVE_ROUND_CREATE,
  PLAYER_STATS_GET,
  parseRpcError,
  playerStatsGet,
  SESSION_CHECK,
  SESSION_LOGOUT,
  SESSION_LOGOUT_ALL,
} from "@gift-grab/contracts";
import type { Session } from "@heroiclabs/nakama-js";
import { describe, expect, it } from "vitest";
import { OWNED_COLLECTIONS } from "../../src/runtime/owned-storage";
import { playLiveRound } from "./live-client";
import { ownStack } from "./own-stack";
import { deviceLogin, getAccountStatus, rawRefresh, rpcStatus } from "./sessions-support";

// The trust boundary of storage on a stack of this file's own: rows are planted with SQL,
// the way a client could write them before the before hooks existed, and Nakama restarts.
const stack = ownStack({
  name: "owned-storage",
  runtimeEnv: { ROUND_DURATION_MS: "300", LIVE_START_DELAY_MS: "100", LIVE_LINGER_MS: "500" },
});
const port = () => stack().port;

/** Nakama's client storage API as any HTTP client can call it. */
async function storageApi(token: string, path: "" | "/delete", body: unknown) {
  const res = await fetch(`http://127.0.0.1:${port()}/v2/storage${path}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as unknown };
}

function sql(query: string): string {
  const r = stack().pg.psql(query, "nakama_test");
  if (r.code !== 0) throw new Error(`psql: ${r.stderr}`);
  return r.stdout.trim();
}

/** Puts a row in storage as it is, whatever its shape (permissions as the server's own). */
function plant(collection: string, userId: string, key: string, value: unknown) {
  const json = `$v$${JSON.stringify(value)}$v$`;
  sql(
    `DELETE FROM storage WHERE collection = '${collection}' AND key = '${key}' AND user_id = '${userId}';
     INSERT INTO storage (collection, key, user_id, value, version, read, write)
     VALUES ('${collection}', '${key}', '${userId}', ${json}::jsonb, md5(${json}), 0, 0)`,
  );
}

/** Puts a login row in the module's table: valid columns unless `over` (SQL literals) says otherwise. */
function plantLogin(userId: string, lid: string, over: Record<string, string> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const row: Record<string, string> = {
    user_id: `'${userId}'`,
    lid: `'${lid}'`,
    tid: `'${randomUUID()}'`,
    rid: `'${randomUUID()}'`,
    login_at: String(now),
    signed_in_ms: String(Date.now()),
    exp: String(now + 3600),
    ...over,
  };
  sql(
    `INSERT INTO gift_grab_logins (${Object.keys(row).join(", ")}) VALUES (${Object.values(row).join(", ")})`,
  );
}

function rowCount(collection: string, userId: string, key?: string): number {
  const byKey = key === undefined ? "" : ` AND key = '${key}'`;
  return Number(
    sql(
      `SELECT count(*) FROM storage WHERE collection = '${collection}' AND user_id = '${userId}'${byKey}`,
    ),
  );
}

function uid(session: Session): string {
  if (!session.user_id) throw new Error("no user id");
  return session.user_id;
}

const lidOf = (session: Session) => decodeSessionToken(session.token).vrs.lid;

function expectTyped(res: { status: number; json: unknown }, status: number, reason: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(parseRpcError(res.json).reason).toBe(reason);
}

/** Opens a live round nobody plays (live_round_create spends one of the player's starts). */
async function openRound(session: Session) {
  const res = await rpcStatus(port(), LIVE_ROUND_CREATE, session.token);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

describe("server-owned collections: clients may not write or delete them", () => {
  it("refuses the issue's four forged writes (and an email claim, a replay) with 403 collection_owned, and writes nothing", async () => {
    const { session } = await deviceLogin(port());
    const now = Date.now();
    const forged: Record<string, { key: string; value: unknown }> = {
      player_stats: {
        key: "summary",
        value: { games_played: 1e6, best: 2e9, total_gifts: 2e9, last_played_at: now },
      },
      round_limits: { key: "starts", value: { starts: "x" } },
      // Not in the issue: blocks another player's sign-up with that email for a while.
      signup_email_claims: { key: "0".repeat(64), value: { claimed_ms: now + 1e12 } },
      // A forged run behind a score, for Watch to serve.
      round_replays: { key: "weekly_best", value: { score: 2e9, inputs: [] } },
      // A forged race for Watch to serve.
      race_replays: { key: "match.forged", value: { santas: [] } },
      // A code pointing at a match of the forger's choosing.
      race_lobbies: { key: "ABCDEFGHJK", value: { match_id: "m.x", host: "h", expires_at: now } },
      // A run of the forger's own, queued for review as if the server had held it.
      held_runs: {
        key: `${now}_00000000-0000-4000-8000-000000000000`,
        value: { user_id: "u", score: 2e9 },
      },
    };
    expect(Object.keys(forged).sort()).toEqual(OWNED_COLLECTIONS.map((c) => c.collection).sort());
    for (const [collection, { key, value }] of Object.entries(forged)) {
      const res = await storageApi(session.token, "", {
        objects: [
          {
            collection,
            key,
            permission_read: 0,
            permission_write: 0,
            value: JSON.stringify(value),
          },
        ],
      });
      expectTyped(res, 403, "collection_owned");
      expect(parseRpcError(res.json).code, collection).toBe(7);
      expect(res.text).not.toMatch(/goroutine|\.go:\d+|stackTrace|storage-guard|pq:/);
      expect(rowCount(collection, uid(session), key), collection).toBe(0);
    }
  });

  it("refuses the whole batch when one object of it names an owned collection", async () => {
    const { session } = await deviceLogin(port());
    const res = await storageApi(session.token, "", {
      objects: [
        { collection: "notes", key: "a", value: "{}" },
        { collection: "round_limits", key: "starts", value: '{"starts":[]}' },
      ],
    });
    expectTyped(res, 403, "collection_owned");
    expect(rowCount("notes", uid(session))).toBe(0);
  });

  it("refuses deleting the server's own objects in each owned collection with 403", async () => {
    const who = await deviceLogin(port());
    const { session } = who;
    expect((await playLiveRound(port(), who)).reason).toBe("completed");
    const objects: [string, string][] = [
      ["round_limits", "starts"],
      ["player_stats", "summary"],
    ];
    for (const [collection, key] of objects) {
      expect(rowCount(collection, uid(session), key), collection).toBe(1);
      const res = await storageApi(session.token, "/delete", {
        object_ids: [{ collection, key }],
      });
      expectTyped(res, 403, "collection_owned");
      expect(rowCount(collection, uid(session), key), collection).toBe(1);
    }
  });

  it("every other collection works as on plain Nakama: write, read, delete", async () => {
    const { session } = await deviceLogin(port());
    const write = await storageApi(session.token, "", {
      objects: [{ collection: "notes", key: "a", value: '{"text":"hi"}', permission_read: 1 }],
    });
    expect(write.status, write.text).toBe(200);
    const read = await fetch(`http://127.0.0.1:${port()}/v2/storage`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        object_ids: [{ collection: "notes", key: "a", user_id: uid(session) }],
      }),
    });
    const body = (await read.json()) as { objects?: { value: string }[] };
    expect(JSON.parse(body.objects?.[0]?.value ?? "{}")).toEqual({ text: "hi" });
    const del = await storageApi(session.token, "/delete", {
      object_ids: [{ collection: "notes", key: "a" }],
    });
    expect(del.status, del.text).toBe(200);
    expect(rowCount("notes", uid(session))).toBe(0);
  });
});

describe("nothing read back is trusted: corrupt rows are absent, never a 5xx", () => {
  it("round_limits {starts: 'x'}: live_round_create answers 200 and rewrites the row", async () => {
    const { session } = await deviceLogin(port());
    plant("round_limits", uid(session), "starts", { starts: "x" });
    await openRound(session);
    expect(
      sql(
        `SELECT jsonb_typeof(value->'starts') || ' ' || jsonb_array_length(value->'starts') FROM storage WHERE collection = 'round_limits' AND user_id = '${uid(session)}'`,
      ),
    ).toBe("array 1");
  });

  it("corrupt player_stats read as zeros and the next round counts from there", async () => {
    const who = await deviceLogin(port());
    const { session } = who;
    plant("player_stats", uid(session), "summary", { games_played: "lots", best: 2e9 });
    const before = await rpcStatus(port(), PLAYER_STATS_GET, session.token);
    expect(before.status).toBe(200);
    expect(playerStatsGet.response.parse(before.json)).toEqual(EMPTY_PLAYER_STATS);
    const { score } = await playLiveRound(port(), who);
    const after = playerStatsGet.response.parse(
      (await rpcStatus(port(), PLAYER_STATS_GET, session.token)).json,
    );
    expect(after).toMatchObject({ games_played: 1, best: score });
  });

  it("a session whose login row is corrupt is refused as unknown (401), never a 5xx", async () => {
    const { session } = await deviceLogin(port());
    // Corrupted before the session's first call: nothing cached it as live yet.
    sql(`UPDATE gift_grab_logins SET tid = '' WHERE lid = '${lidOf(session)}'`);
    const check = await rpcStatus(port(), SESSION_CHECK, session.token);
    expectTyped(check, 401, "session_revoked");
    expect(await getAccountStatus(port(), session.token)).toBe(401);
    const refresh = await rawRefresh(port(), session.refresh_token);
    expectTyped(refresh as { status: number; json: unknown }, 401, "session_revoked");
  });

  it("corrupt logins don't stop a sign-in or sign-out from ending the others", async () => {
    const first = await deviceLogin(port());
    plantLogin(uid(first.session), randomUUID(), { revoked_reason: "'soon'" });
    plantLogin(uid(first.session), randomUUID(), { tid: "''" });
    // kick_previous: the new sign-in ends every other login of the user.
    const second = await deviceLogin(port(), { deviceId: first.deviceId });
    expect((await rpcStatus(port(), SESSION_CHECK, first.session.token)).status).toBe(401);
    expect((await rpcStatus(port(), SESSION_CHECK, second.session.token)).status).toBe(200);
    const all = await rpcStatus(port(), SESSION_LOGOUT_ALL, second.session.token);
    expect(all.status, JSON.stringify(all.json)).toBe(200);
    expect((await rpcStatus(port(), SESSION_CHECK, second.session.token)).status).toBe(401);
  });

  it("no client API reaches a login: the storage API writes a look-alike the module never reads", async () => {
    const { session } = await deviceLogin(port());
    const forged = { tid: "x", rid: "y", login_at: 1, exp: 4e9 };
    const res = await storageApi(session.token, "", {
      objects: [
        { collection: "session_logins", key: lidOf(session), value: JSON.stringify(forged) },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect((await rpcStatus(port(), SESSION_LOGOUT, session.token)).status).toBe(200);
    expect(sql(`SELECT revoked_reason FROM gift_grab_logins WHERE lid = '${lidOf(session)}'`)).toBe(
      "signed_out",
    );
    expect((await rpcStatus(port(), SESSION_CHECK, session.token)).status).toBe(401);
  });
});

describe("after a restart, every revocation is re-applied past a bad row", () => {
  it("a logged-out token stays refused by Nakama's own APIs with an exp:'never' row planted", async () => {
    const loggedOut = await deviceLogin(port());
    expect((await rpcStatus(port(), SESSION_LOGOUT, loggedOut.session.token)).status).toBe(200);
    const other = await deviceLogin(port());
    const badKey = randomUUID();
    plantLogin(uid(other.session), badKey, { revoked_at: "1", revoked_reason: "'bogus'" });

    // GET /v2/friend: a Nakama API the module does not hook; only Nakama's cache refuses it.
    const friends = async (token: string) =>
      (
        await fetch(`http://127.0.0.1:${port()}/v2/friend`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;
    expect(await friends(loggedOut.session.token)).toBe(401);

    await stack().restartNakama();

    expect(await friends(loggedOut.session.token)).toBe(401);
    expect(await friends(other.session.token)).toBe(200);
    const log = readFileSync(stack().logFile, "utf8");
    expect(log).toContain(`login ${badKey} of user ${uid(other.session)} is corrupt`);
    expect(log).not.toContain("revocations not re-applied");
  });

  it("the module wrote no collection outside its registry (and the tests' own)", () => {
    const collections = sql("SELECT DISTINCT collection FROM storage").split("\n").filter(Boolean);
    // `session_logins`: the look-alike a client wrote above, through the client API.
    const allowed = new Set([
      ...OWNED_COLLECTIONS.map((c) => c.collection),
      "notes",
      "session_logins",
    ]);
    expect(collections.filter((c) => !allowed.has(c))).toEqual([]);
    // The long-lived ones were all written by this file's tests (email claims are deleted
    // when their sign-up ends), so the check above saw real rows.
    expect(collections).toEqual(expect.arrayContaining(["round_limits", "player_stats"]));
  });
});
