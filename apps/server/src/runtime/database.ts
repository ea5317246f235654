/**
 * One cheap query, for hooks that need no data of their own before Nakama's core runs: with
 * the database down it throws the driver's error, which the hook's error mapping turns into
 * `unavailable` (503). Without it Nakama's core answers 500 ("Error finding user account.").
 */
export function assertDatabaseReachable(nk: nkruntime.Nakama): void {
  nk.sqlQuery("SELECT 1", []);
}
