/**
 * The names a race shows over its Santas and in its lobby: each player's display name (what
 * the board shows), or the username when there is none. One users lookup for all of them.
 * The username stays what the records are written with.
 */
export function racerNames(nk: nkruntime.Nakama, userIds: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const ids = [...new Set(userIds.filter((id) => id !== ""))];
  if (ids.length === 0) return names;
  for (const user of nk.usersGetId(ids))
    names.set(user.userId, user.displayName || user.username || "");
  return names;
}

/** One player's race name (racerNames), falling back to `username`. */
export function racerName(nk: nkruntime.Nakama, userId: string, username: string): string {
  return racerNames(nk, [userId]).get(userId) || username;
}
