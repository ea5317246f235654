import { DisplayName, Username } from "@gift-grab/contracts";
import { assertDatabaseReachable } from "../runtime/database";
import { rpcError } from "../runtime/errors";

/**
 * A username is shown to every player on the leaderboard: it must follow the contract
 * (3–20 of a-z, 0-9, _), wherever a client can set one. Sign-up checks it in the
 * authenticate hooks; this covers renames through Nakama's own UpdateAccount API.
 */
export function assertValidUsername(username: string | undefined | null): void {
  if (username === undefined || username === null || username === "") return;
  if (!Username.safeParse(username).success) throw invalidUsername();
}

function invalidUsername() {
  return rpcError("invalid_payload", "username: 3–20 characters of a-z, 0-9 and _");
}

/**
 * Nakama's columns for the account fields a client sets with UpdateAccount (its migrations:
 * users.avatar_url VARCHAR(512), lang_tag VARCHAR(18), location and timezone VARCHAR(255)),
 * by the name on the wire. Nakama checks none of them: a longer value failed in Postgres and
 * answered 500. Username and display name follow stricter contracts (below).
 */
const ACCOUNT_COLUMNS = [
  ["avatarUrl", "avatar_url", 512],
  ["langTag", "lang_tag", 18],
  ["location", "location", 255],
  ["timezone", "timezone", 255],
] as const;

/**
 * Characters as Postgres counts them for VARCHAR(n): code points, not UTF-16 units. With the
 * `u` flag: goja runs its regular expressions on code points, so a pattern of surrogate
 * halves never matches there (it does in V8).
 */
function codePoints(text: string): number {
  return text.length - (text.match(/[\u{10000}-\u{10FFFF}]/gu)?.length ?? 0);
}

/** The first account field longer than its column, as a 400 naming it; undefined if none. */
export function accountFieldTooLong(data: nkruntime.UserUpdateAccount) {
  for (const [key, field, max] of ACCOUNT_COLUMNS) {
    const value: unknown = data[key];
    if (typeof value === "string" && value.length > max && codePoints(value) > max) {
      return rpcError("invalid_payload", `${field}: at most ${max} characters`);
    }
  }
  return undefined;
}

/**
 * A rename (username or display name) must follow the contract; saving the account's own current username back (e.g. a
 * custom-auth account's Nakama-generated, mixed-case one, as a profile form does) is no rename.
 * The other fields must fit Nakama's columns.
 */
export const beforeUpdateAccount: nkruntime.BeforeHookFunction<nkruntime.UserUpdateAccount> = (
  ctx,
  _logger,
  nk,
  data,
) => {
  const tooLong = accountFieldTooLong(data);
  if (tooLong) throw tooLong;
  const username = data.username;
  if (username && !Username.safeParse(username).success && !isCurrentUsername(nk, ctx, username)) {
    throw invalidUsername();
  }
  // The board shows display names to everyone: the contract's rule, or none (the username).
  const displayName = data.displayName;
  if (displayName && !DisplayName.safeParse(displayName).success) {
    throw rpcError(
      "invalid_payload",
      "display_name: 2–24 letters, digits, spaces, ' or -, starting and ending with a letter or digit",
    );
  }
  assertDatabaseReachable(nk);
  return data;
};

/** Read from the account, not the token: the token's name may predate a rename. */
function isCurrentUsername(nk: nkruntime.Nakama, ctx: nkruntime.Context, username: string) {
  if (!ctx.userId) return false;
  const [user] = nk.usersGetId([ctx.userId]);
  return user?.username === username;
}
