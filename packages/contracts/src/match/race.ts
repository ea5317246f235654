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
