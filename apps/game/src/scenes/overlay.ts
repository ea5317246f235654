import * as Phaser from "phaser";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { kickMessages } from "../net/messages";
import type { ConnectionState, KickInfo } from "../net/types";
import { Dialog } from "../views/dialog";
import { colors, textStyle, uiScale } from "../views/theme";
import { showToast } from "../views/toast";

const BADGE: Record<ConnectionState, string | null> = {
  signed_out: null,
  online: null,
  connecting: "Connecting…",
  offline: "Offline",
  reconnecting: "Reconnecting…",
  kicked: "Signed in elsewhere",
  other_tab: null,
};

/**
 * Always on top of every scene: the connection badge, and the "signed in elsewhere" modal on a
 * kick (never reconnects by itself: the player chooses Play here or Sign out).
 */
export class OverlayScene extends Phaser.Scene {
  private badge!: Phaser.GameObjects.Text;
  /** The signed-in-elsewhere question, while it is open. */
  private modal: Dialog | null = null;
  private otherTab: Dialog | null = null;

  constructor() {
    super("Overlay");
  }

  create() {
    const net = getNet();
    this.badge = this.add
      .text(
        0,
        0,
        "",
        textStyle(this, 14, colors.text, {
          backgroundColor: "#00000099",
          padding: { x: 10, y: 5 },
        }),
      )
      .setOrigin(1, 1)
      .setDepth(300);
    const offConn = net.on("connection", (state) => {
      this.showOtherTab(state === "other_tab");
      this.render();
    });
    const offKick = net.on("kicked", (info) => this.showModal(info));
    // A session that ends without a kick (refresh refused, revoked, signed out in another
    // tab) sends the player to sign in, saying why, from whatever screen is up.
    const offEnded = net.on("sessionEnded", () => {
      if (this.modal || this.scene.isActive("SignIn")) return;
      this.switchTo("SignIn", { sessionEnded: true });
    });
    inspectable(this, "connection", () => net.connection);
    inspectable(this, "kicked", () => this.modal !== null);
    this.scale.on("resize", () => this.render());
    this.events.once("shutdown", () => {
      offConn();
      offKick();
      offEnded();
    });
    this.showOtherTab(net.connection === "other_tab");
    this.render();
  }

  /** Another tab of this browser plays: say so, and offer to play here (that tab steps aside). */
  private showOtherTab(show: boolean) {
    if (!show) {
      this.otherTab?.close();
      this.otherTab = null;
      return;
    }
    if (this.otherTab) return;
    this.otherTab = new Dialog(this, {
      title: "Gift Grab is open in another tab",
      message: "Play here, and the other tab will wait instead. Nobody gets signed out.",
      actions: [
        {
          label: "Play here",
          onPress: () => {
            this.otherTab = null;
            void whileRunning(this, getNet().playInThisTab()).catch(() =>
              this.toast("Couldn't switch to this tab. Try again."),
            );
          },
        },
      ],
    });
  }

  /** A short message at the bottom of whatever screen is up. */
  private toast(message: string) {
    showToast(this, message);
  }

  private render() {
    const state = getNet().connection;
    const label = BADGE[state];
    const { width, height } = this.scale;
    const s = uiScale(this);
    this.badge
      .setText(label ?? "")
      .setVisible(label !== null)
      .setStyle(
        textStyle(this, 18, state === "kicked" ? colors.bad : colors.text, {
          fontStyle: "bold",
          backgroundColor: "#000000cc",
        }),
      )
      // setStyle leaves a Text's padding as it was, and padding is in canvas pixels.
      .setPadding(12 * s, 6 * s, 12 * s, 6 * s)
      .setPosition(width - 8 * s, height - 8 * s);
  }

  private showModal(kick: KickInfo) {
    const title = kickMessages[kick.reason];
    if (this.modal) {
      this.modal.say({ title });
    } else {
      this.modal = new Dialog(this, {
        title,
        actions: [
          { label: "Play here", keepOpen: true, onPress: () => void this.playHere() },
          {
            label: "Sign out",
            variant: "secondary",
            keepOpen: true,
            onPress: () => void this.signOut(),
          },
        ],
      });
    }
    emitGameEvent(this, "kick", { reason: kick.reason });
    this.render();
  }

  private hideModal() {
    if (!this.modal) return;
    this.modal.close();
    this.modal = null;
    emitGameEvent(this, "kick", { reason: null });
  }

  private async playHere() {
    try {
      await whileRunning(this, getNet().playHere());
      this.hideModal();
      // A round paused by the kick stays: it asks the player to resume, or says why it can't.
      if (!this.scene.isActive("Round")) this.switchTo("Menu");
    } catch {
      this.modal?.say({ message: "Could not reconnect. Try again or sign out." });
    }
  }

  private async signOut() {
    await whileRunning(this, getNet().signOut()).catch(() => {});
    this.hideModal();
    this.switchTo("SignIn");
  }

  /** Stops whatever runs below and starts `key` there, keeping this overlay on top. */
  private switchTo(key: string, data?: object) {
    for (const scene of this.scene.manager.getScenes(true)) {
      if (scene !== this) scene.scene.stop();
    }
    this.scene.launch(key, data);
    this.scene.bringToTop();
  }
}
