import type * as Phaser from "phaser";
import { showToast } from "./toast";

/**
 * Shares a link: the system's share sheet where the browser has one (phones), else the link
 * copied to the clipboard, said in a toast; where neither works, the toast shows the link
 * itself to copy by hand.
 */
export async function shareLink(
  scene: Phaser.Scene,
  share: { url: string; text: string; copied: string },
): Promise<void> {
  if (typeof navigator.share === "function") {
    try {
      await navigator.share({ title: "Gift Grab", text: share.text, url: share.url });
      return;
    } catch (err) {
      // The player closed the sheet: nothing to say. Anything else falls back to copying.
      if (err instanceof DOMException && err.name === "AbortError") return;
    }
  }
  try {
    await navigator.clipboard.writeText(share.url);
    showToast(scene, share.copied);
  } catch {
    showToast(scene, `Share this link: ${share.url}`);
  }
}
