import type { LoginRecord } from "@gift-grab/contracts";
import type * as LoginTable from "../../src/sessions/login-table";

type Table = typeof LoginTable;

/**
 * The login table's semantics in memory, for unit tests of the session logic (vi.mock of
 * sessions/login-table.ts): rotation only from the current rid of a login not revoked. The
 * SQL itself runs against the real Postgres in the integration tests.
 */
export function fakeLoginTable() {
  const rows = new Map<string, LoginTable.StoredLogin>();
  const id = (userId: string, lid: string) => `${userId}/${lid}`;
  const readLogin: Table["readLogin"] = (_nk, _logger, userId, lid) =>
    structuredClone(rows.get(id(userId, lid)));
  const rotateLogin: Table["rotateLogin"] = (_nk, login, next) => {
    const cur = rows.get(id(login.userId, login.lid));
    if (!cur || cur.record.rid !== login.record.rid || cur.record.revoked_at !== undefined) {
      return false;
    }
    cur.record = {
      ...cur.record,
      rid: next.rid,
      prev_rid: cur.record.rid,
      rotated_ms: next.rotatedMs,
      exp: next.exp,
    };
    return true;
  };
  const revokeLoginRow: Table["revokeLoginRow"] = (_nk, userId, lid, reason, now) => {
    const cur = rows.get(id(userId, lid));
    if (cur) cur.record = { ...cur.record, revoked_at: now, revoked_reason: reason };
  };
  const recordSignIn: Table["recordSignIn"] = (_nk, _logger, login, now, endOthers) => {
    const ended: LoginTable.EndedLogin[] = [];
    for (const other of rows.values()) {
      const r = other.record;
      if (!endOthers || other.userId !== login.userId || r.revoked_at !== undefined) continue;
      if (r.exp <= now) continue;
      other.record = { ...r, revoked_at: now, revoked_reason: endOthers.reason };
      ended.push({ lid: other.lid, tid: r.tid, exp: r.exp });
    }
    rows.set(id(login.userId, login.lid), structuredClone(login));
    return ended;
  };
  return {
    api: { readLogin, rotateLogin, revokeLoginRow, recordSignIn },
    /** The stored record, if any. */
    record: (userId: string, lid: string): LoginRecord | undefined =>
      rows.get(id(userId, lid))?.record,
    put: (login: LoginTable.StoredLogin) => rows.set(id(login.userId, login.lid), login),
  };
}
