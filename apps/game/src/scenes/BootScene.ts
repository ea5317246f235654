import * as Phaser from "phaser";
import { loadServerConfig } from "../config/server-config";
import { Net } from "../net/net";
import { reportToTests } from "../test-api";

/** Loads the server config, signs in as a guest and shows what session_check says. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create() {
    reportToTests({ scene: "Boot", status: "connecting" });
    const { width, height } = this.scale;
    const title = this.add
      .text(width / 2, height / 2 - 60, "Gift Grab", {
        fontFamily: "system-ui, sans-serif",
        fontSize: "48px",
        color: "#ffffff",
      })
      .setOrigin(0.5);
    const status = this.add
      .text(width / 2, height / 2 + 10, "Connecting…", {
        fontFamily: "system-ui, sans-serif",
        fontSize: "20px",
        color: "#cfe3ff",
        align: "center",
      })
      .setOrigin(0.5);
    title.setShadow(0, 3, "#000000", 6);
    void this.connect(status);
  }

  private async connect(status: Phaser.GameObjects.Text) {
    try {
      const net = new Net(await loadServerConfig());
      await net.signInAsGuest();
      const check = await net.sessionCheck();
      status.setText(
        `Signed in as a guest\nsession_check: ${check.connected_sessions} open socket(s), already connected: ${check.already_connected ? "yes" : "no"}`,
      );
      reportToTests({ status: "ready", userId: net.userId, sessionCheck: check });
    } catch (err) {
      status.setText(
        `Could not reach the server.\n${err instanceof Error ? err.message : String(err)}`,
      );
      reportToTests({ status: "error", error: String(err) });
    }
  }
}
