import type * as Phaser from "phaser";
import { type RunLink, runLinkUrl } from "../config/run-link";
import { showToast } from "./toast";

/**
 * Shares a run on the board: the system's share sheet where the browser has one (phones),
 * else the link copied to the clipboard, said in a toast; where neither works, the toast shows
 * the link itself to copy by hand. Returns the link.
 */
export async function shareRun(scene: Phaser.Scene, link: RunLink, name: string): Promise<string> {
  const url = runLinkUrl(window.location.href, link);
  const text = `${name} scored ${link.score} in Gift Grab. Can you beat it?`;
  if (typeof navigator.share === "function") {
    try {
      await navigator.share({ title: "Gift Grab", text, url });
      return url;
    } catch (err) {
      // The player closed the sheet: nothing to say. Anything else falls back to copying.
      if (err instanceof DOMException && err.name === "AbortError") return url;
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    showToast(scene, "Link copied: send it to a friend.");
  } catch {
    showToast(scene, `Share this link: ${url}`);
  }
  return url;
}
