import type * as Phaser from "phaser";
import { raceWatchUrl } from "../config/race-watch-link";
import { shareLink } from "./share-link";

/** Shares a finished race to watch (shareLink: the share sheet or a copied link). */
export async function shareRace(scene: Phaser.Scene, matchId: string): Promise<string> {
  const url = raceWatchUrl(window.location.href, matchId);
  await shareLink(scene, {
    url,
    text: "Watch this Gift Grab race, every Santa in it.",
    copied: "Link copied: send it to a friend.",
  });
  return url;
}
