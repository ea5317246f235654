import { Username } from "@gift-grab/contracts";
import { rpcError } from "../runtime/errors";

/**
 * A username is shown to every player on the leaderboard: it must follow the contract
 * (3–20 of a-z, 0-9, _), wherever a client can set one. Sign-up checks it in the
 * authenticate hooks; this covers renames through Nakama's own UpdateAccount API.
 */
export function assertValidUsername(username: string | undefined | null): void {
  if (username === undefined || username === null || username === "") return;
  if (!Username.safeParse(username).success) {
    throw rpcError("invalid_payload", "username: 3–20 characters of a-z, 0-9 and _");
  }
}

export const beforeUpdateAccount: nkruntime.BeforeHookFunction<nkruntime.UserUpdateAccount> = (
  _ctx,
  _logger,
  _nk,
  data,
) => {
  assertValidUsername(data.username);
  return data;
};
