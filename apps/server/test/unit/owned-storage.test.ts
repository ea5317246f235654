import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  LoginRecord,
  PLAYER_STATS_COLLECTION,
  parseRpcError,
  StartLimitsRecord,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { OWNED_COLLECTIONS, Owned } from "../../src/runtime/owned-storage";
import { ownedWrite, readOwned, writeOwned } from "../../src/runtime/storage";
import {
  beforeDeleteStorageObjects,
  beforeWriteStorageObjects,
} from "../../src/runtime/storage-guard";
import { listRevokedUnexpired, readLogin, recordSignIn } from "../../src/sessions/login-table";

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");
const HELPERS = path.join("runtime", "storage.ts");
const LOGIN_TABLE = path.join("sessions", "login-table.ts");
const LOGIN_TABLES = /gift_grab_login/i;

/** Storage access outside the helpers: a runtime storage call, or SQL naming the storage table. */
function storageAccesses(source: string): string[] {
  const calls = source.match(/\.\s*(storage[A-Z]\w*|multiUpdate)\s*\(/g) ?? [];
  // In a string literal only: a comment saying "read from storage" is no SQL.
  const sql =
    source.match(
      /["'`][^"'`\n]*\b(from|into|update|join|table)\s+(public\.)?storage\b[^"'`\n]*["'`]/gi,
    ) ?? [];
  return [...calls, ...sql];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("owned collections, closed by construction", () => {
  it("no module code touches storage except through runtime/storage.ts", () => {
    const offenders = sourceFiles(srcDir)
      .filter((f) => path.relative(srcDir, f) !== HELPERS)
      .flatMap((f) =>
        storageAccesses(fs.readFileSync(f, "utf8")).map((m) => `${path.relative(srcDir, f)}: ${m}`),
      );
    expect(offenders).toEqual([]);
  });

  it("the scan catches what it is there to catch", () => {
    expect(storageAccesses("nk.storageWrite([{ collection: 'x' }])")).toHaveLength(1);
    expect(storageAccesses("nk\n  .storageRead(ids)")).toHaveLength(1);
    expect(
      storageAccesses("nk.storageList(u, 'x'); nk.storageDelete([]); nk.multiUpdate(null)"),
    ).toHaveLength(3);
    expect(storageAccesses('nk.sqlExec("DELETE FROM storage WHERE collection = $1")')).toHaveLength(
      1,
    );
    expect(storageAccesses('nk.sqlQuery("SELECT 1 FROM users JOIN storage ON true")')).toHaveLength(
      1,
    );
    expect(storageAccesses("nk.sqlQuery('UPDATE public.storage SET value = $1')")).toHaveLength(1);
    expect(storageAccesses("nk.sqlQuery('SELECT pg_sleep($1)')")).toEqual([]);
    expect(storageAccesses("// the truth is read from storage, not the cache")).toEqual([]);
  });

  it("no module code names the login tables except sessions/login-table.ts", () => {
    const offenders = sourceFiles(srcDir)
      .filter((f) => path.relative(srcDir, f) !== LOGIN_TABLE)
      .filter((f) => LOGIN_TABLES.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(srcDir, f));
    expect(offenders).toEqual([]);
    expect(LOGIN_TABLES.test(fs.readFileSync(path.join(srcDir, LOGIN_TABLE), "utf8"))).toBe(true);
  });

  it("the helpers themselves still hold the storage calls (the scan is not vacuous)", () => {
    const calls = storageAccesses(fs.readFileSync(path.join(srcDir, HELPERS), "utf8")).map((c) =>
      c.replace(/[\s.(]/g, ""),
    );
    expect(new Set(calls)).toEqual(
      new Set(["storageRead", "storageList", "storageWrite", "storageDelete"]),
    );
  });

  it("writes only registry entries, with the entry's permissions (types refuse anything else)", () => {
    const w = ownedWrite(Owned.playerStats, "u", "summary", {
      games_played: 1,
      best: 2,
      total_gifts: 2,
      last_played_at: null,
    });
    expect(w).toMatchObject({
      collection: PLAYER_STATS_COLLECTION,
      permissionRead: 1,
      permissionWrite: 0,
    });
    const nk = {
      storageWrite: (writes: unknown[]) => writes.map(() => ({})),
    } as unknown as nkruntime.Nakama;
    // @ts-expect-error a hand-made collection is no registry entry
    ownedWrite({ collection: "mine", permissionRead: 2 }, "u", "k", {});
    // @ts-expect-error a value of another collection's shape
    ownedWrite(Owned.roundLimits, "u", "starts", { starts: "x" });
    // @ts-expect-error a plain write request did not come from ownedWrite
    writeOwned(nk, [{ collection: "mine", key: "k", userId: "u", value: {} }]);
    expect(writeOwned(nk, [w])).toHaveLength(1);
  });

  it("lists each collection once, with a schema, server-only writes and a reason", () => {
    const names = OWNED_COLLECTIONS.map((c) => c.collection);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual([
      "held_runs",
      "player_stats",
      "race_lobbies",
      "race_replays",
      "round_limits",
      "round_replays",
      "signup_email_claims",
    ]);
    for (const c of OWNED_COLLECTIONS) {
      expect(c.permissionWrite, c.collection).toBe(0);
      expect(c.why.length, c.collection).toBeGreaterThan(10);
    }
  });
});

describe("client writes and deletes of owned collections", () => {
  const ctx = {} as nkruntime.Context;
  const logger = {} as nkruntime.Logger;
  // The hooks probe the database (SELECT 1) once the request passed: 503 when it is down.
  const nk = { sqlQuery: () => [] } as unknown as nkruntime.Nakama;

  it.each(OWNED_COLLECTIONS.map((c) => c.collection))(
    "refuses %s with 403 collection_owned",
    (collection) => {
      const write = {
        objects: [
          { collection: "notes", key: "a", value: "{}" },
          { collection, key: "b", value: "{}" },
        ],
      };
      const del = { objectIds: [{ collection, key: "b" }] };
      for (const run of [
        () => beforeWriteStorageObjects(ctx, logger, nk, write),
        () => beforeDeleteStorageObjects(ctx, logger, nk, del),
      ]) {
        let thrown: unknown;
        try {
          run();
        } catch (err) {
          thrown = err;
        }
        expect(parseRpcError(thrown)).toMatchObject({ reason: "collection_owned", code: 7 });
      }
    },
  );

  it("lets every other collection through unchanged, as plain Nakama would", () => {
    const write = {
      objects: [
        { collection: "notes", key: "a", value: "{}" },
        { collection: "Round_Tickets", key: "b", value: '{\n  "pretty": true\n}' },
      ],
    };
    expect(beforeWriteStorageObjects(ctx, logger, nk, write)).toBe(write);
    const del = { objectIds: [{ collection: "notes", key: "a" }] };
    expect(beforeDeleteStorageObjects(ctx, logger, nk, del)).toBe(del);
    expect(beforeWriteStorageObjects(ctx, logger, nk, {})).toEqual({});
    const deepest = `${'{"a":'.repeat(32)}1${"}".repeat(32)}`;
    const nested = { objects: [{ collection: "notes", key: "d", value: deepest }] };
    expect(beforeWriteStorageObjects(ctx, logger, nk, nested)).toBe(nested);
  });

  it("refuses what Nakama or its database would, as a typed 400 naming the field", () => {
    for (const write of [
      { objects: [{ collection: "", key: "a", value: "{}" }] },
      { objects: [{ collection: "notes", key: "a\u0000b", value: "{}" }] },
      { objects: [{ collection: "n".repeat(129), key: "a", value: "{}" }] },
      { objects: [{ collection: "notes", key: "a", value: "[1]" }] },
      { objects: [{ collection: "notes", key: "a", value: "{}", permissionRead: 3 }] },
      // Past STORAGE_VALUE_MAX_DEPTH (32): refused before it is parsed.
      {
        objects: [
          { collection: "notes", key: "a", value: `${'{"a":'.repeat(33)}1${"}".repeat(33)}` },
        ],
      },
    ]) {
      expect(
        parseRpcError(thrownBy(() => beforeWriteStorageObjects(ctx, logger, nk, write))),
        JSON.stringify(write),
      ).toMatchObject({ reason: "invalid_payload", code: 3 });
    }
    const del = { objectIds: [{ collection: "notes", key: "\u0000" }] };
    expect(
      parseRpcError(thrownBy(() => beforeDeleteStorageObjects(ctx, logger, nk, del))),
    ).toMatchObject({ reason: "invalid_payload", detail: expect.stringContaining("objectIds") });
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error("did not throw");
}

type Row = { collection: string; userId: string; key: string; value: unknown; version: string };

/** A logger that keeps each warning as the text Nakama would log. */
function warningLogger() {
  const warnings: string[] = [];
  const logger = {
    warn: (format: string, ...args: unknown[]) => {
      let i = 0;
      warnings.push(format.replace(/%[sd]/g, () => String(args[i++])));
    },
  } as unknown as nkruntime.Logger;
  return { logger, warnings };
}

/** Storage as nk shows it, with rows planted as a pre-fix client (or a bug) could have left them. */
function fakeStorage(rows: Row[]) {
  const nk = {
    storageRead: (ids: { collection: string; key: string; userId: string }[]) =>
      rows.filter((r) =>
        ids.some(
          (id) => id.collection === r.collection && id.key === r.key && id.userId === r.userId,
        ),
      ),
  } as unknown as nkruntime.Nakama;
  return { nk, ...warningLogger() };
}

const login = (over: Record<string, unknown> = {}) => ({
  tid: "t",
  rid: "r",
  login_at: 100,
  exp: 10_000,
  revoked_at: 200,
  revoked_reason: "signed_out",
  ...over,
});

describe("nothing read back is trusted", () => {
  it("a corrupt row reads as absent, keeps its version and is logged without its value", () => {
    const secret = "do-not-log-me";
    const { nk, logger, warnings } = fakeStorage([
      {
        collection: "round_limits",
        userId: "u1",
        key: "starts",
        value: { starts: "x", note: secret },
        version: "v7",
      },
    ]);
    expect(readOwned(nk, logger, Owned.roundLimits, "u1", "starts")).toEqual({
      value: undefined,
      version: "v7",
    });
    expect(readOwned(nk, logger, Owned.roundLimits, "u2", "starts")).toEqual({
      value: undefined,
      version: "*",
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("round_limits/starts of user u1");
    expect(warnings[0]).not.toContain(secret);
  });

  it("a corrupt login row is no login: unknown when read, skipped when listed, logged", () => {
    // Rows as nk.sqlQuery returns them: every column, NULL as null.
    const row = (userId: string, lid: string, over: Record<string, unknown> = {}) => ({
      user_id: userId,
      lid,
      prev_rid: null,
      rotated_ms: null,
      signed_in_ms: 5,
      client: null,
      email: null,
      ...login(over),
    });
    const rows = [
      row("a", "1", { revoked_reason: "bogus" }),
      row("b", "2", { tid: "tb" }),
      row("c", "3", { tid: "" }),
      row("e", "5", { tid: "te", rid: "secret-rid", exp: -1 }),
      row("f", "6", { tid: "tf" }),
    ];
    const { logger, warnings } = warningLogger();
    const nk = {
      sqlQuery: (_sql: string, params: unknown[]) =>
        params.length === 2
          ? rows.filter((r) => r.user_id === params[0] && r.lid === params[1])
          : rows,
    } as unknown as nkruntime.Nakama;
    expect(readLogin(nk, logger, "a", "1")).toBeUndefined();
    expect(readLogin(nk, logger, "b", "2")?.record).toMatchObject({ tid: "tb", signed_in_ms: 5 });
    expect(readLogin(nk, logger, "b", "2")?.record).not.toHaveProperty("client");
    expect(listRevokedUnexpired(nk, logger, 1000).map((r) => [r.userId, r.record.tid])).toEqual([
      ["b", "tb"],
      ["f", "tf"],
    ]);
    expect(warnings.some((w) => w.includes("login 1 of user a is corrupt"))).toBe(true);
    expect(warnings.join("\n")).not.toContain("secret-rid");
  });

  it("a login a statement revoked is used only if its row parses", () => {
    const { logger, warnings } = warningLogger();
    const nk = {
      sqlQuery: () => [
        { lid: "a", tid: "", exp: 5 },
        { lid: "b", tid: "tb", exp: 6 },
      ],
    } as unknown as nkruntime.Nakama;
    const login = { userId: "u", lid: "n", record: { tid: "t", rid: "r", login_at: 1, exp: 9 } };
    expect(recordSignIn(nk, logger, login, 1, { reason: "signed_in_elsewhere" })).toEqual([
      { lid: "b", tid: "tb", exp: 6 },
    ]);
    expect(warnings).toHaveLength(1);
  });

  it("the stored contracts refuse the issue's forged values", () => {
    expect(StartLimitsRecord.safeParse({ starts: "x" }).success).toBe(false);
    expect(LoginRecord.safeParse(login({ exp: "never" })).success).toBe(false);
    // A row from before rounds were live also lists tickets: it still reads, without them.
    expect(StartLimitsRecord.parse({ starts: [5], tickets: [{ id: "t", expires_at: 9 }] })).toEqual(
      { starts: [5] },
    );
  });
});
