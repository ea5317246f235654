/**
 * A shared run's link: the page with `?run=<owner id>&score=<score>`. The owner id is what
 * replay_get serves (the player's best on this week's board); the score is the run's as it was
 * shared, so a visitor can be told when that run has left the board (a new week, or the
 * player's own better run replacing it). Neither is trusted: the server's answer is what shows.
 */
export interface RunLink {
  ownerId: string;
  score: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SCORE = 1_000_000;

/** The shared run a page's address names, or null (none, or not one that could exist). */
export function runLinkFrom(href: string): RunLink | null {
  const params = new URL(href).searchParams;
  const ownerId = params.get("run") ?? "";
  const score = Number(params.get("score") ?? Number.NaN);
  if (!UUID.test(ownerId) || !Number.isInteger(score) || score < 0 || score > MAX_SCORE) {
    return null;
  }
  return { ownerId: ownerId.toLowerCase(), score };
}

/** The link to share: this page (its other settings kept, e.g. the server) naming the run. */
export function runLinkUrl(pageHref: string, link: RunLink): string {
  const url = new URL(pageHref);
  url.hash = "";
  url.searchParams.set("run", link.ownerId);
  url.searchParams.set("score", String(link.score));
  return url.toString();
}

/** The page's address without the run, once it has been opened (a reload goes to the game). */
export function withoutRunLink(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("run");
  url.searchParams.delete("score");
  return url.toString();
}
