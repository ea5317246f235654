import { rpcError } from "../runtime/errors";
import { Owned } from "../runtime/owned-storage";
import { deleteOwned, ownedWrite, readOwned, SYSTEM_USER, writeOwned } from "../runtime/storage";
import { isVersionConflict } from "../runtime/version-conflict";

/**
 * Claims on emails, so that sign-ups (and "save progress" links) racing with one email get
 * one account and `email_taken` for the rest (Nakama checks for the email and inserts it in
 * two steps: the losers of that race would get its 500 "Error finding or creating user
 * account.").
 *
 * Server-owned storage collection: system-owned objects (no user), key = SHA-256 of the
 * lowercased email (no address stored), permissionRead 0, permissionWrite 0. A sign-up
 * creates its claim create-only (version "*": the insert fails if the key exists), then
 * checks the users table, then lets Nakama create the account; the sign-up's after hook
 * deletes the claim. Because the check comes after the claim, a sign-up that claims after
 * that delete sees the account. A claim whose sign-up never finished (Nakama failed, e.g.
 * a username race) is stale after CLAIM_STALE_MS and is taken over (a version-checked
 * write, so only one sign-up takes it).
 */
export const CLAIM_STALE_MS = 10_000;

function claimWrite(nk: nkruntime.Nakama, key: string, version: string) {
  writeOwned(nk, [
    ownedWrite(Owned.signupEmailClaims, SYSTEM_USER, key, { claimed_ms: Date.now() }, version),
  ]);
}

/** Claims `email` for one sign-up or link: false while another holds a fresh claim on it. */
export function claimEmail(nk: nkruntime.Nakama, logger: nkruntime.Logger, email: string): boolean {
  const key = nk.sha256Hash(email);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      claimWrite(nk, key, "*");
      return true;
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
    }
    const held = readOwned(nk, logger, Owned.signupEmailClaims, SYSTEM_USER, key);
    if (held.version === "*") continue; // released meanwhile: claim it afresh
    // A value that does not parse is no one's live claim: take it over like a stale one.
    if (held.value && Date.now() - held.value.claimed_ms < CLAIM_STALE_MS) return false;
    try {
      claimWrite(nk, key, held.version);
      return true;
    } catch (err) {
      if (isVersionConflict(err)) return false;
      throw err;
    }
  }
  return false;
}

/**
 * Ends a claim (its sign-up or link is done, or was refused by our own checks). Best
 * effort: a claim left behind (e.g. the database is down) goes stale on its own.
 */
export function releaseEmail(nk: nkruntime.Nakama, email: string) {
  try {
    deleteOwned(nk, Owned.signupEmailClaims, SYSTEM_USER, [nk.sha256Hash(email)]);
  } catch {
    // stale after CLAIM_STALE_MS
  }
}

/** What a sign-up or link hears when the email has an account, or one is being made. */
export function emailTakenError() {
  return rpcError("email_taken", "an account with this email exists: sign in instead");
}
