import * as Phaser from "phaser";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import type { ConnectionState, KickInfo } from "../net/types";
import { Button } from "../views/button";
import { Dialog } from "../views/dialog";
import { FocusGroup } from "../views/focus";
import { colors, textStyle, uiScale } from "../views/theme";

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
  private modal: {
    shade: Phaser.GameObjects.Rectangle;
    panel: Phaser.GameObjects.Graphics;
    text: Phaser.GameObjects.Text;
    buttons: Button[];
    focus: FocusGroup;
  } | null = null;
  private kick: KickInfo | null = null;
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
    const offKick = net.on("kicked", (info) => {
      this.kick = info;
      this.showModal();
    });
    // A session that ends without a kick (refresh refused, revoked, signed out in another
    // tab) sends the player to sign in, saying why, from whatever screen is up.
    const offEnded = net.on("sessionEnded", () => {
      if (this.modal || this.scene.isActive("SignIn")) return;
      this.switchTo("SignIn", { sessionEnded: true });
    });
    const offSubmitted = net.on("submitted", (outcome) => {
      if (outcome.status === "accepted")
        this.toast(`An earlier score was saved: rank #${outcome.rank}`);
      else if (outcome.status === "rejected")
        this.toast(`An earlier score was not saved: ${outcome.message}`);
    });
    inspectable(this, "connection", () => net.connection);
    inspectable(this, "kicked", () => this.modal !== null);
    this.scale.on("resize", () => this.render());
    this.events.once("shutdown", () => {
      offConn();
      offKick();
      offEnded();
      offSubmitted();
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
    const { width, height } = this.scale;
    const t = this.add
      .text(
        width / 2,
        height - 44,
        message,
        textStyle(this, 16, colors.text, {
          backgroundColor: "#000000cc",
          padding: { x: 12, y: 8 },
          align: "center",
          wordWrap: { width: width - 48 },
        }),
      )
      .setOrigin(0.5, 1)
      .setDepth(300);
    emitGameEvent(this, "toast", { message });
    this.tweens.add({
      targets: t,
      alpha: 0,
      delay: 4000,
      duration: 600,
      onComplete: () => t.destroy(),
    });
  }

  private render() {
    const state = getNet().connection;
    const label = BADGE[state];
    const { width, height } = this.scale;
    this.badge
      .setText(label ?? "")
      .setVisible(label !== null)
      .setStyle(
        textStyle(this, 14, state === "kicked" ? colors.bad : colors.text, {
          backgroundColor: "#000000aa",
          padding: { x: 10, y: 5 },
        }),
      )
      .setPosition(width - 8, height - 8);
    if (this.modal) this.layoutModal(width, height);
  }

  private showModal() {
    if (this.modal) return this.render();
    const focus = new FocusGroup(this, true);
    const shade = this.add.rectangle(0, 0, 10, 10, 0x000000, 0.7).setOrigin(0).setDepth(200);
    shade.setInteractive(); // swallows pointer input meant for scenes below
    const panel = this.add.graphics().setDepth(201);
    const text = this.add
      .text(0, 0, "", textStyle(this, 22, colors.text, { align: "center" }))
      .setOrigin(0.5)
      .setDepth(202);
    const playHere = new Button(this, {
      label: "Play here",
      onPress: () => void this.playHere(),
    }).setDepth(203);
    const signOut = new Button(this, {
      label: "Sign out",
      variant: "secondary",
      onPress: () => void this.signOut(),
    }).setDepth(203);
    focus.add(playHere, signOut);
    focus.focus(playHere);
    this.modal = { shade, panel, text, buttons: [playHere, signOut], focus };
    emitGameEvent(this, "kick", { reason: this.kick?.reason ?? null });
    this.render();
  }

  private layoutModal(width: number, height: number) {
    const m = this.modal;
    if (!m) return;
    const s = uiScale(this);
    const w = Math.min(width - 24, 420 * s);
    const h = 260 * s;
    m.shade.setSize(width, height);
    m.shade.input?.hitArea.setTo(0, 0, width, height);
    m.panel
      .clear()
      .fillStyle(colors.panel, 1)
      .fillRoundedRect((width - w) / 2, (height - h) / 2, w, h, 18);
    m.panel
      .lineStyle(3, colors.panelEdge)
      .strokeRoundedRect((width - w) / 2, (height - h) / 2, w, h, 18);
    const msg =
      this.kick?.reason === "signed_out_everywhere"
        ? "You were signed out everywhere"
        : "You signed in on another device";
    m.text
      .setText(msg)
      .setStyle(textStyle(this, 22, colors.text, { align: "center", wordWrap: { width: w - 32 } }))
      .setPosition(width / 2, height / 2 - h / 2 + 60 * s);
    const bw = w - 60 * s;
    m.buttons[0]?.place(width / 2, height / 2 + 20 * s, bw);
    m.buttons[1]?.place(width / 2, height / 2 + 84 * s, bw);
  }

  private hideModal() {
    const m = this.modal;
    if (!m) return;
    m.focus.dispose();
    for (const b of m.buttons) b.destroy();
    m.shade.destroy();
    m.panel.destroy();
    m.text.destroy();
    this.modal = null;
    emitGameEvent(this, "kick", { reason: null });
  }

  private async playHere() {
    try {
      await whileRunning(this, getNet().playHere());
      this.hideModal();
      this.switchTo("Menu");
    } catch {
      this.modal?.text.setText("Could not reconnect. Try again or sign out.");
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
