// Generated hostile input against every RPC and every Nakama API the module hooks, on the
// real server: never a 5xx, never an internal in the body, every refusal typed (a reason
// of our contracts), and a refused request writes nothing. New RPCs are covered by being
// in `allRpcs`; new hooked APIs by a line in `hookedApis`.
import { randomUUID } from "node:crypto";
import { type AnyRpc, allRpcs, callerOf, parseRpcError } from "@gift-grab/contracts";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNED_COLLECTIONS } from "../../src/runtime/owned-storage";
import { moduleInternalsIn } from "./nakama";
import { ownStack } from "./own-stack";
import { SERVER_KEY } from "./sessions-support";

const stack = ownStack({ name: "hostile" });
const RUNS = 60;
const OWNED = OWNED_COLLECTIONS.map((c) => c.collection);
/** Fixed, so a run is reproducible; set HOSTILE_SEED to explore other inputs. */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261129);
const base = () => `http://127.0.0.1:${stack().port}`;
const basic = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`;

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

async function send(method: string, path: string, auth: string, body?: string): Promise<Answer> {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, text, json };
}

let db: postgres.Sql;
beforeAll(() => {
  db = postgres(`postgres://${stack().databaseAddress}`, { max: 1 });
});
afterAll(async () => {
  await db?.end();
});

/** What the database holds that a request could change: any difference is a write. */
async function snapshot(): Promise<string> {
  const [row] = await db`SELECT
    (SELECT count(*) FROM users) AS users, (SELECT max(update_time)::text FROM users) AS users_at,
    (SELECT count(*) FROM user_device) AS devices, (SELECT count(*) FROM storage) AS objects,
    (SELECT max(update_time)::text FROM storage) AS objects_at,
    (SELECT count(*) FROM leaderboard_record) AS records`;
  return JSON.stringify(row);
}

const INTERNALS =
  /goroutine|panic|\.go:\d+|handleRpc|callRpc|runRpc|pq:|pgx|SQLSTATE|postgres@|sslmode|127\.0\.0\.1:\d+|github\.com\/heroiclabs/;

/**
 * Refusals that are Nakama's, not ours: before any hook can run, a body its gateway can't
 * decode and a missing or bad token or server key; after our storage hooks let a request
 * through (so it names no collection of ours), Nakama's own storage semantics (an object
 * that isn't there, a version that doesn't match). Typed by their code.
 */
function isNakamaOwnRefusal(body: unknown): boolean {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== "string") return false;
  if (code === 3) return /^(proto|json): |^Storage (write|delete) rejected/.test(message);
  if (code === 16)
    return /^(Auth token (invalid|expired)|Server key invalid|Auth token or HTTP key required)$/.test(
      message,
    );
  return false;
}

/** The one rule for every answer: no 5xx, no internals, and a refusal names its reason. */
function expectTyped(what: string, answer: Answer) {
  expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(500);
  expect(answer.text, what).not.toMatch(INTERNALS);
  expect(moduleInternalsIn(answer.text), what).toBeNull();
  if (answer.status >= 400 && !isNakamaOwnRefusal(answer.json)) {
    const error = parseRpcError(answer.json);
    expect(error.reason, `${what}: untyped refusal ${answer.text}`).not.toBe("unknown");
  }
}

/** Sends one request; when the server refuses it, nothing in the database may have changed. */
async function refusedWritesNothing(what: string, request: () => Promise<Answer>) {
  const before = await snapshot();
  const answer = await request();
  expectTyped(what, answer);
  if (answer.status >= 400) expect(await snapshot(), `${what}: refused but wrote`).toBe(before);
  return answer;
}

// ---------------------------------------------------------------- generators

const CONTROL = [..."\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f"];

/** Strings a careless server trips on: control characters, odd Unicode, SQL, very long. */
const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 12 }))
    .map(([a, c, b]) => `${a}${c}${b}`),
  fc.constantFrom(
    "",
    " ",
    "'; DROP TABLE users; --",
    "\\u0000",
    "%00",
    "../../etc/passwd",
    "$" + "{jndi:ldap://x}",
    "\ud800",
    "🎁".repeat(40),
    "a".repeat(5000),
    "00000000-0000-0000-0000-000000000000",
  ),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 0.5),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** The field names a schema knows (a strict object's shape), to aim hostile values at them. */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def
    ?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Objects whose known fields (and some unknown ones) hold hostile values. */
function hostileObject(fields: string[]) {
  const known = fields.length
    ? fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] })
    : fc.constant({});
  return fc
    .tuple(known, fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }))
    .map(([k, extra]) => ({ ...extra, ...k }));
}

/**
 * A request that passes its contract, to mutate one field at a time, so that hostile values
 * get past the schema and reach the handler. Every RPC has one (checked below).
 */
const validSamples: Record<string, Record<string, unknown>> = {
  replay_get: { owner_id: randomUUID() },
  leaderboard_view: { cursor: "abc", around_me: false },
  race_get: { match_id: `${randomUUID()}.nakama` },
  race_lobby_join: { code: "ABCDE-FGHJK" },
  race_lobby_start: { code: "ABCDE-FGHJK" },
  race_lobby_rematch: { code: "ABCDE-FGHJK" },
  review_list: { limit: 10, cursor: "abc" },
  review_decide: { id: `${Date.now()}_${randomUUID()}`, decision: "reject" },
};
const sampleOf = (id: string) => validSamples[id] ?? {};

/** A string that would pass a length check but carries a control character (NUL most often). */
const controlled = fc
  .tuple(
    fc.uuid(),
    fc.oneof(fc.constant("\u0000"), fc.constantFrom(...CONTROL)),
    fc.nat({ max: 36 }),
  )
  .map(([u, c, at]) => `${u.slice(0, at)}${c}${u.slice(at)}`);

/** Request bodies: broken JSON, JSON of the wrong kind, hostile objects, one bad field. */
function hostileBody(id: string, fields: string[]) {
  const sample = sampleOf(id);
  const oneBadField = fields.length
    ? fc
        .tuple(fc.constantFrom(...fields), fc.oneof(hostileValue, controlled))
        .map(([field, value]) => JSON.stringify({ ...sample, [field]: value }))
    : fc.constant(JSON.stringify(sample));
  const stringFields = Object.keys(sample).filter((f) => typeof sample[f] === "string");
  const controlInString = stringFields.length
    ? fc
        .tuple(fc.constantFrom(...stringFields), controlled)
        .map(([field, value]) => JSON.stringify({ ...sample, [field]: value }))
    : oneBadField;
  return fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.json({ maxDepth: 2 }),
    hostileObject(fields).map((o) => JSON.stringify(o)),
    oneBadField,
    controlInString,
  );
}

// ---------------------------------------------------------------- players

async function newGuest() {
  const res = await send(
    "POST",
    "/v2/account/authenticate/device?create=true",
    basic,
    JSON.stringify({ id: randomUUID() }),
  );
  expect(res.status, res.text).toBe(200);
  const { token, refresh_token } = res.json as { token: string; refresh_token: string };
  return { token, refresh: refresh_token };
}

describe("hostile input on the real server", () => {
  let player: { token: string; refresh: string };
  beforeAll(async () => {
    player = await newGuest();
  });

  it.each(allRpcs.map((c) => [c.id, c] as const))(
    "rpc %s: never 5xx, refusals typed, refused requests write nothing",
    async (id, contract: AnyRpc) => {
      // A server RPC is called as the game's servers call it, with the runtime HTTP key (a
      // player's session is refused before anything is read: held-runs.test.ts).
      const server = callerOf(contract) === "server";
      const path = `/v2/rpc/${id}?unwrap=true${server ? `&http_key=${stack().httpKey}` : ""}`;
      const fields = fieldsOf(contract.request);
      expect(contract.request.safeParse(sampleOf(id)).success, `${id}: add a valid sample`).toBe(
        true,
      );
      await fc.assert(
        fc.asyncProperty(hostileBody(id, fields), async (body) => {
          const answer = await refusedWritesNothing(`${id} ${body.slice(0, 200)}`, () =>
            send("POST", path, server ? "" : `Bearer ${player.token}`, body),
          );
          let parsed: unknown;
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = Symbol("not json");
          }
          // What the contract refuses, the server refuses as invalid input.
          if (body !== "" && !contract.request.safeParse(parsed).success) {
            expect(answer.status, `${id} accepted ${body.slice(0, 200)}`).toBe(400);
          }
          // A sign-out that went through ends this player: carry on as a new one.
          if (answer.status === 200 && id.startsWith("session_logout")) player = await newGuest();
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );

  /** A sign-in (or sign-up) with hostile account fields, username and create flag. */
  function authenticate(name: string, provider: string, fields: string[]) {
    return {
      name,
      request: fc
        .tuple(hostileObject(fields), fc.option(hostileString), fc.boolean())
        .map(([account, username, create]) => () => {
          const q = new URLSearchParams({ create: String(create) });
          if (username !== null) q.set("username", username);
          const path = `/v2/account/authenticate/${provider}?${q}`;
          return send("POST", path, basic, JSON.stringify(account));
        }),
    };
  }

  const hookedApis: {
    name: string;
    request: fc.Arbitrary<() => Promise<Answer>>;
  }[] = [
    authenticate("AuthenticateDevice", "device", ["id", "vars"]),
    authenticate("AuthenticateEmail", "email", ["email", "password", "vars"]),
    authenticate("AuthenticateCustom", "custom", ["id", "vars"]),
    {
      name: "SessionRefresh",
      request: fc.tuple(fc.oneof(hostileString, fc.constant("")), fc.option(hostileObject([]))).map(
        ([token, vars]) =>
          () =>
            send(
              "POST",
              "/v2/account/session/refresh",
              basic,
              JSON.stringify({ token, ...(vars ? { vars } : {}) }),
            ),
      ),
    },
    {
      name: "UpdateAccount",
      request: hostileObject([
        "username",
        "display_name",
        "avatar_url",
        "lang_tag",
        "location",
        "timezone",
      ]).map(
        (body) => () => send("PUT", "/v2/account", `Bearer ${player.token}`, JSON.stringify(body)),
      ),
    },
    {
      name: "LinkEmail",
      request: hostileObject(["email", "password", "vars"]).map(
        (body) => () =>
          send("POST", "/v2/account/link/email", `Bearer ${player.token}`, JSON.stringify(body)),
      ),
    },
    {
      name: "WriteStorageObjects",
      request: fc
        .array(
          fc.record({
            collection: fc.oneof(fc.constantFrom(...OWNED), hostileString),
            key: fc.oneof(fc.uuid(), hostileString),
            value: fc.oneof(fc.json(), hostileString),
            permission_read: fc.oneof(fc.constantFrom(0, 1, 2), hostileNumber),
            permission_write: fc.oneof(fc.constantFrom(0, 1), hostileNumber),
            version: fc.option(fc.oneof(fc.constant("*"), hostileString), { nil: undefined }),
          }),
          { maxLength: 3 },
        )
        .map(
          (objects) => () =>
            send("PUT", "/v2/storage", `Bearer ${player.token}`, JSON.stringify({ objects })),
        ),
    },
    {
      name: "DeleteStorageObjects",
      request: fc
        .array(
          fc.record({
            collection: fc.oneof(fc.constantFrom(...OWNED), hostileString),
            key: fc.oneof(fc.uuid(), hostileString),
          }),
          { maxLength: 3 },
        )
        .map(
          (object_ids) => () =>
            send(
              "PUT",
              "/v2/storage/delete",
              `Bearer ${player.token}`,
              JSON.stringify({ object_ids }),
            ),
        ),
    },
    {
      name: "WriteTournamentRecord",
      request: fc
        .tuple(
          fc.oneof(fc.constant("weekly_leaderboard"), hostileString),
          hostileObject(["score", "subscore", "metadata", "operator"]),
        )
        .map(
          ([id, record]) =>
            () =>
              send(
                "POST",
                `/v2/tournament/${encodeURIComponent(id)}`,
                `Bearer ${player.token}`,
                JSON.stringify(record),
              ),
        ),
    },
    {
      name: "ListTournaments / ListLeaderboardRecordsAroundOwner",
      request: fc.tuple(fc.boolean(), hostileString).map(([tournaments, cursor]) => () => {
        const claims = Buffer.from(player.token.split(".")[1] ?? "", "base64url").toString();
        const owner = (JSON.parse(claims) as { uid: string }).uid;
        const path = tournaments
          ? "/v2/tournament"
          : `/v2/leaderboard/weekly_leaderboard/owner/${owner}`;
        return send("GET", `${path}?${new URLSearchParams({ cursor })}`, `Bearer ${player.token}`);
      }),
    },
    {
      name: "GetAccount",
      request: fc
        .option(fc.string({ unit: fc.constantFrom(..."abcXYZ019.-_~+/=") }))
        .map((token) => () => send("GET", "/v2/account", `Bearer ${token ?? player.token}`)),
    },
  ];

  it.each(hookedApis.map((api) => [api.name, api] as const))(
    "%s: never 5xx, refusals typed, refused requests write nothing",
    async (name, api) => {
      await fc.assert(
        fc.asyncProperty(api.request, async (request) => {
          await refusedWritesNothing(name, request);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );
});
