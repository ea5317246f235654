import { normalizeRaceCode, RaceLobby } from "@gift-grab/contracts";

/**
 * A friend race's link: the page with `?race=<code>` (RaceLobby.linkParam). Whoever opens it
 * lands in that race's lobby (a guest if they have no account). The code is only a key to ask
 * race_lobby_join with: the server decides whether it is open.
 */
export function raceCodeFrom(href: string): string | null {
  const typed = new URL(href).searchParams.get(RaceLobby.linkParam);
  return typed === null ? null : normalizeRaceCode(typed);
}

/** The link to share: this page (its other settings kept, e.g. the server) naming the race. */
export function raceLinkUrl(pageHref: string, code: string): string {
  const url = new URL(pageHref);
  url.hash = "";
  url.searchParams.delete("run");
  url.searchParams.delete("score");
  url.searchParams.set(RaceLobby.linkParam, code);
  return url.toString();
}

/** The page's address without the race, once it has been opened (a reload goes to the game). */
export function withoutRaceLink(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(RaceLobby.linkParam);
  return url.toString();
}

/** A code as people read it: XXXXX-XXXXX. */
export function showRaceCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
