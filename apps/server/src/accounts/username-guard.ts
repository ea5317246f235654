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
 * A rename (username or display name) must follow the contract; saving the account's own current username back (e.g. a
 * custom-auth account's Nakama-generated, mixed-case one, as a profile form does) is no rename.
 */
export const beforeUpdateAccount: nkruntime.BeforeHookFunction<nkruntime.UserUpdateAccount> = (
  ctx,
  _logger,
  nk,
  data,
) => {
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
