import type * as Phaser from "phaser";
import { type RunLink, runLinkUrl } from "../config/run-link";
import { shareLink } from "./share-link";

/** Shares a run on the board (shareLink: the share sheet or a copied link). Returns the link. */
export async function shareRun(scene: Phaser.Scene, link: RunLink, name: string): Promise<string> {
  const url = runLinkUrl(window.location.href, link);
  await shareLink(scene, {
    url,
    text: `${name} scored ${link.score} in Gift Grab. Can you beat it?`,
    copied: "Link copied: send it to a friend.",
  });
  return url;
}
