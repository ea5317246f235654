import { RaceLobby } from "@gift-grab/contracts";

/**
 * A finished race's link: the page with `?watch_race=<match id>`. Whoever opens it watches the
 * race with every Santa (race_get, any signed-in player; a visitor becomes a guest). The id is
 * only a key to ask with: the server's record is what plays.
 */
const PARAM = "watch_race";
/** Nakama's match ids: a UUID, a dot and the node's name. */
const MATCH_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w.-]{0,64}$/i;

/** The race a page's address names, or null (none, or not an id a match could have). */
export function raceWatchFrom(href: string): string | null {
  const id = new URL(href).searchParams.get(PARAM) ?? "";
  return MATCH_ID.test(id) ? id : null;
}

/** The link to share: this page (its other settings kept, e.g. the server) naming the race. */
export function raceWatchUrl(pageHref: string, matchId: string): string {
  const url = new URL(pageHref);
  url.hash = "";
  for (const other of ["run", "score", RaceLobby.linkParam]) url.searchParams.delete(other);
  url.searchParams.set(PARAM, matchId);
  return url.toString();
}

/** The page's address without the race, once it has been opened (a reload goes to the game). */
export function withoutRaceWatch(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(PARAM);
  return url.toString();
}
