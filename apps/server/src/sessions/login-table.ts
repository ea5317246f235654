import { describeIssues, LoginRecord, type SessionEndedReason } from "@gift-grab/contracts";
import * as z from "zod/mini";

/**
 * The only code that touches the module's own SQL tables (test/unit/owned-storage.test.ts
 * checks it): the login records. They live in tables, not in Nakama storage, so that a
 * sign-in records itself and ends the older login in ONE statement (docs/performance.md),
 * and no client API of Nakama reaches them at all. Every row read back is parsed with the
 * LoginRecord contract; a row that does not parse is logged (user, login; never the values)
 * and is no login.
 *
 * - gift_grab_logins: one row per sign-in, keyed by user and the server-set login id (`lid`
 *   var), never by a raw token; revoked rows stay until their tokens expire, so revocations
 *   survive restarts.
 * - gift_grab_login_heads: one row per user naming their latest sign-in. Racing sign-ins of
 *   one user queue on this row (INSERT … ON CONFLICT DO UPDATE locks it and sees the latest
 *   committed version), so each learns the exact sign-in before it, even one committed after
 *   its own statement began, which a plain UPDATE of the logins would not see.
 */

export interface StoredLogin {
  userId: string;
  lid: string;
  record: LoginRecord;
}

/** A login a statement just revoked: enough to make Nakama's session cache refuse it. */
export interface EndedLogin {
  lid: string;
  tid: string;
  exp: number;
}

const CREATE_LOGINS = `CREATE TABLE IF NOT EXISTS gift_grab_logins (
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lid TEXT NOT NULL,
  tid TEXT NOT NULL,
  rid TEXT NOT NULL,
  prev_rid TEXT,
  rotated_ms BIGINT,
  login_at BIGINT NOT NULL,
  signed_in_ms BIGINT NOT NULL,
  exp BIGINT NOT NULL,
  client TEXT,
  email TEXT,
  revoked_at BIGINT,
  revoked_reason TEXT,
  PRIMARY KEY (user_id, lid)
)`;

const CREATE_HEADS = `CREATE TABLE IF NOT EXISTS gift_grab_login_heads (
  user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  lid TEXT NOT NULL,
  prev_lid TEXT
)`;

/** In InitModule, before anything reads them. Idempotent. */
export function createLoginTables(nk: nkruntime.Nakama) {
  nk.sqlExec(CREATE_LOGINS, []);
  nk.sqlExec(CREATE_HEADS, []);
}

const COLUMNS =
  "user_id::text AS user_id, lid, tid, rid, prev_rid, rotated_ms, login_at, signed_in_ms, exp, client, email, revoked_at, revoked_reason";

type Row = { [column: string]: unknown };

function parsedLogin(logger: nkruntime.Logger, row: Row): StoredLogin | undefined {
  const fields: { [key: string]: unknown } = {};
  for (const [column, value] of Object.entries(row)) {
    if (column !== "user_id" && column !== "lid" && value !== null) fields[column] = value;
  }
  const userId = String(row.user_id);
  const lid = String(row.lid);
  const parsed = LoginRecord.safeParse(fields);
  if (parsed.success) return { userId, lid, record: parsed.data };
  logger.warn(
    "logins: login %s of user %s is corrupt, treated as absent: %s",
    lid,
    userId,
    describeIssues(parsed.error),
  );
  return undefined;
}

export function readLogin(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  lid: string,
): StoredLogin | undefined {
  const [row] = nk.sqlQuery(
    `SELECT ${COLUMNS} FROM gift_grab_logins WHERE user_id = $1 AND lid = $2`,
    [userId, lid],
  );
  return row ? parsedLogin(logger, row) : undefined;
}

/** Does the user have a login that is neither revoked nor expired? */
export function hasLiveLogin(nk: nkruntime.Nakama, userId: string, now: number): boolean {
  return (
    nk.sqlQuery(
      "SELECT 1 FROM gift_grab_logins WHERE user_id = $1 AND revoked_at IS NULL AND exp > $2 LIMIT 1",
      [userId, now],
    ).length > 0
  );
}

/** Revoked logins whose tokens could still be presented (not yet expired), across all users. */
export function listRevokedUnexpired(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  now: number,
): StoredLogin[] {
  const rows = nk.sqlQuery(
    `SELECT ${COLUMNS} FROM gift_grab_logins WHERE revoked_at IS NOT NULL AND exp > $1`,
    [now],
  );
  return rows.flatMap((row) => parsedLogin(logger, row) ?? []);
}

/** What a revoking statement returns of each login, checked with the contract's own fields. */
const EndedRow = z.object({
  lid: z.string(),
  tid: LoginRecord.shape.tid,
  exp: LoginRecord.shape.exp,
});

/** A row that doesn't parse is logged and left out: its login is revoked all the same. */
function ended(logger: nkruntime.Logger, rows: Row[]): EndedLogin[] {
  return rows.flatMap((row) => {
    const parsed = EndedRow.safeParse(row);
    if (parsed.success) return [parsed.data];
    logger.warn("logins: a revoked login of unexpected shape: %s", describeIssues(parsed.error));
    return [];
  });
}

/**
 * A sign-in's one statement: records the new login, moves the user's head to it, drops the
 * user's expired logins and, with `endOthers`, revokes every other live login of the user
 * and returns them. The head's previous login is revoked through ON CONFLICT, which reaches
 * it even when its sign-in committed after this statement's snapshot (a racing sign-in); its
 * row always exists (a head's login is never deleted), so that insert never inserts.
 */
const SIGN_IN = `WITH head AS (
  INSERT INTO gift_grab_login_heads AS h (user_id, lid) VALUES ($1, $2)
  ON CONFLICT (user_id) DO UPDATE SET lid = EXCLUDED.lid, prev_lid = h.lid
  RETURNING prev_lid
), added AS (
  INSERT INTO gift_grab_logins (user_id, lid, tid, rid, login_at, signed_in_ms, exp, client, email)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
), previous AS (
  INSERT INTO gift_grab_logins AS l (user_id, lid, tid, rid, login_at, signed_in_ms, exp)
  SELECT $1, prev_lid, '-', '-', 0, 0, 0 FROM head WHERE prev_lid IS NOT NULL AND $12::boolean
  ON CONFLICT (user_id, lid) DO UPDATE SET revoked_at = $10, revoked_reason = $11
  WHERE l.revoked_at IS NULL
  RETURNING l.lid, l.tid, l.exp
), others AS (
  UPDATE gift_grab_logins SET revoked_at = $10, revoked_reason = $11
  WHERE user_id = $1 AND revoked_at IS NULL AND exp > $10 AND $12::boolean
    AND lid NOT IN (SELECT prev_lid FROM head WHERE prev_lid IS NOT NULL)
  RETURNING lid, tid, exp
), expired AS (
  DELETE FROM gift_grab_logins WHERE user_id = $1 AND exp <= $10
    AND lid NOT IN (SELECT prev_lid FROM head WHERE prev_lid IS NOT NULL)
)
SELECT lid, tid, exp FROM previous WHERE exp > $10
UNION ALL SELECT lid, tid, exp FROM others`;

/**
 * Records a sign-in (one statement, one round trip); with `endOthers` the user's other live
 * logins are revoked for `reason` in the same statement, and returned.
 */
export function recordSignIn(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  login: StoredLogin,
  now: number,
  endOthers: { reason: SessionEndedReason } | undefined,
): EndedLogin[] {
  const r = login.record;
  return ended(
    logger,
    nk.sqlQuery(SIGN_IN, [
      login.userId,
      login.lid,
      r.tid,
      r.rid,
      r.login_at,
      r.signed_in_ms ?? Date.now(),
      r.exp,
      r.client ?? null,
      r.email ?? null,
      now,
      endOthers?.reason ?? "signed_in_elsewhere",
      endOthers !== undefined,
    ]),
  );
}

/** Marks one login revoked, whatever it was. */
export function revokeLoginRow(
  nk: nkruntime.Nakama,
  userId: string,
  lid: string,
  reason: SessionEndedReason,
  now: number,
) {
  nk.sqlExec(
    "UPDATE gift_grab_logins SET revoked_at = $3, revoked_reason = $4 WHERE user_id = $1 AND lid = $2",
    [userId, lid, now, reason],
  );
}

/** Revokes every live login of the user and drops the expired ones: returns those revoked. */
export function revokeAllLogins(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  reason: SessionEndedReason,
  now: number,
): EndedLogin[] {
  return ended(
    logger,
    nk.sqlQuery(
      `WITH revoked AS (
        UPDATE gift_grab_logins SET revoked_at = $2, revoked_reason = $3
        WHERE user_id = $1 AND revoked_at IS NULL AND exp > $2
        RETURNING lid, tid, exp
      ), expired AS (
        DELETE FROM gift_grab_logins WHERE user_id = $1 AND exp <= $2
          AND lid NOT IN (SELECT lid FROM gift_grab_login_heads WHERE user_id = $1)
      )
      SELECT lid, tid, exp FROM revoked`,
      [userId, now, reason],
    ),
  );
}

/**
 * Refresh rotation: the login's refresh generation moves from `rid` to `next`, only if it is
 * still `rid` and the login is not revoked. False when someone changed it first (another
 * refresh with the same token, or a revocation).
 */
export function rotateLogin(
  nk: nkruntime.Nakama,
  login: StoredLogin,
  next: { rid: string; rotatedMs: number; exp: number },
): boolean {
  const { rowsAffected } = nk.sqlExec(
    `UPDATE gift_grab_logins SET rid = $4, prev_rid = rid, rotated_ms = $5, exp = $6
     WHERE user_id = $1 AND lid = $2 AND rid = $3 AND revoked_at IS NULL`,
    [login.userId, login.lid, login.record.rid, next.rid, next.rotatedMs, next.exp],
  );
  return rowsAffected === 1;
}
