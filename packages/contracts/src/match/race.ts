/**
 * The race (docs/realtime.md "The race"): 2–4 players on one live round's field, found by
 * Nakama's matchmaker. A client adds a ticket with these settings; the server's matchmaker
 * hook makes a race of any ticket set that carries them and reserves a seat for each user.
 */
export const RaceMatchmaker = {
  /** The ticket's string property `mode`: the hook makes races only of tickets carrying it. */
  mode: "race",
  /** The ticket's query: other race tickets. */
  query: "+properties.mode:race",
  /** Players a race needs (Nakama's min_count is 2 at least: a lone player gets bots, below). */
  minCount: 2,
  /** Seats on the field (the simulation's MAX_SANTAS). */
  maxCount: 4,
  /**
   * A client that found nobody within this long removes its ticket and calls race_with_bots:
   * a race of its own, the other seats played by the server.
   */
  searchMs: 5_000,
} as const;

/**
 * A private race with friends (docs/realtime.md "Racing a friend"): the host makes a lobby
 * (race_lobby_create) and shares its code, friends join by code, the host starts it.
 */
export const RaceLobby = {
  /**
   * The code's letters: Crockford-like base32 without 0, 1, I and O (read aloud or typed from
   * a screenshot without confusion). 32 letters: 5 bits each.
   */
  alphabet: "23456789ABCDEFGHJKLMNPQRSTUVWXYZ",
  /** 10 letters: 50 bits drawn from nk.uuidv4 (crypto/rand), shown as XXXXX-XXXXX. */
  codeLength: 10,
  /** The link a client shares: the game's address with this query parameter. */
  linkParam: "race",
  /**
   * A lobby not started within this long closes and its code stops working: a code shared in a
   * chat goes stale, and an idle lobby holds a match (a VM) on the server. A rematch opens a new
   * match under the same code and gives it this long again.
   */
  ttlMs: 10 * 60_000,
  /**
   * After a friend race's END its match stays open this long while anyone is still in it (a
   * quick race or a solo round closes after LiveTiming.lingerMs): players read the results at
   * their own pace, and the host's rematch reaches every one of them through it (REMATCH).
   */
  rematchWindowMs: 2 * 60_000,
  /**
   * A lobby's host away this long (a socket gone and not back) while others wait in it: the
   * player here longest hosts it from then on (LOBBY's `host`). Longer than a race seat's
   * reconnect grace: a host on a phone often leaves the game to share the link in a chat app,
   * and the browser drops the socket in the background.
   */
  hostGraceMs: 30_000,
} as const;

/** A code as typed: upper case, dashes and spaces dropped; null when it can't be a code. */
export function normalizeRaceCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== RaceLobby.codeLength) return null;
  for (let i = 0; i < code.length; i++)
    if (RaceLobby.alphabet.indexOf(code.charAt(i)) < 0) return null;
  return code;
}
