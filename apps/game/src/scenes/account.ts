import type * as Phaser from "phaser";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { displayNameRule, emailHint, passwordHint } from "../net/messages";
import type { PlayerStats } from "../net/types";
import { SignInFailure } from "../net/types";
import type { Button } from "../views/button";
import { saveProgress } from "../views/choose-name";
import { Dialog } from "../views/dialog";
import { type HtmlForm, openForm } from "../views/html-form";
import { colors, textStyle, uiScale } from "../views/theme";
import { formatAgo } from "../views/time-format";
import { UiScene } from "../views/ui-scene";

/** Who is signed in, how long the session lasts, play stats; sign out, link email. */
export class AccountScene extends UiScene {
  private panel!: Phaser.GameObjects.Graphics;
  private details!: Phaser.GameObjects.Text;
  private statsText!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private saveButton!: Button;
  private stats: PlayerStats | null = null;
  private statsError: string | null = null;
  private form: HtmlForm | null = null;

  constructor() {
    super("Account");
  }

  protected build() {
    const net = getNet();
    this.title("Account");
    this.panel = this.add.graphics();
    this.details = this.add.text(0, 0, "", textStyle(this, 17, colors.text, { lineSpacing: 6 }));
    this.statsText = this.add.text(0, 0, "", textStyle(this, 17, colors.muted, { lineSpacing: 6 }));
    this.saveButton = this.button("Save progress", () => this.openLinkForm());
    this.buttons = [
      this.saveButton,
      this.button("Sign out", () => this.confirmSignOut(), "secondary"),
      this.button("Sign out everywhere", () => this.confirmSignOutEverywhere(), "danger"),
      this.button("Back", () => this.scene.start("Menu"), "secondary"),
    ];
    this.saveButton.setVisible(net.session()?.isGuest ?? false);
    this.focus.focus(this.buttons[this.buttons.length - 1] ?? null);
    this.refresh();
    this.time.addEvent({ delay: 1000, loop: true, callback: () => this.refresh() });
    whileRunning(this, net.stats()).then(
      (s) => {
        this.stats = s;
        this.refresh();
      },
      () => {
        this.statsError = "Stats unavailable right now.";
        this.refresh();
      },
    );
    inspectable(this, "account", () => ({ session: net.session(), stats: this.stats }));
    this.events.once("shutdown", () => this.form?.close());
  }

  protected layout() {
    const { height } = this.scale;
    const s = uiScale(this);
    const colW = Math.min(this.contentWidth, 440 * s);
    const left = this.contentX - colW / 2;
    const top = Math.max(16, height * 0.5 - 330 * s);
    this.placeTitle(top + 28 * s, 36);
    const style = (c: string) =>
      textStyle(this, 16, c, { lineSpacing: 5, wordWrap: { width: colW } });
    this.details.setPosition(left, top + 64 * s).setStyle(style(colors.text));
    this.statsText
      .setPosition(left, this.details.y + this.details.height + 10 * s)
      .setStyle(style(colors.muted));
    const pad = 12 * s;
    this.panel
      .clear()
      .fillStyle(colors.panel, 0.85)
      .fillRoundedRect(
        left - pad,
        this.details.y - pad,
        colW + pad * 2,
        this.statsText.y + this.statsText.height - this.details.y + pad * 2,
        14,
      );
    this.buttonColumn(this.buttons, this.statsText.y + this.statsText.height + 28 * s, 10);
  }

  private refresh() {
    const net = getNet();
    const session = net.session();
    const now = Date.now();
    if (!session) {
      this.details.setText("Not signed in.");
    } else {
      this.details.setText(
        [
          `You play as ${session.displayName ?? session.username}`,
          session.isGuest
            ? "A guest on this device: Save progress keeps your scores on any device."
            : `Signed in with ${session.email}`,
          `Signed in ${formatAgo(now - session.signedInAt.getTime())}`,
        ].join("\n"),
      );
    }
    const st = this.stats;
    this.statsText.setText(
      st
        ? [
            `Rounds played: ${st.gamesPlayed}`,
            `Best score: ${st.best}`,
            `Gifts grabbed: ${st.totalGifts}`,
            `Last played: ${st.lastPlayedAt ? formatAgo(now - st.lastPlayedAt.getTime()) : "never"}`,
          ].join("\n")
        : (this.statsError ?? "Loading stats…"),
    );
    this.layout();
  }

  private confirmSignOut() {
    const guest = getNet().session()?.isGuest ?? false;
    new Dialog(this, {
      title: "Sign out?",
      message: guest
        ? "Play as guest on this device brings you back as this guest. On another device, only Save progress keeps your scores."
        : "You can sign in again with your email and password.",
      actions: [
        {
          label: "Yes, sign out",
          variant: "danger",
          onPress: () => this.leave(() => getNet().signOut()),
        },
        { label: "Cancel", variant: "secondary", onPress: () => {} },
      ],
    });
  }

  private confirmSignOutEverywhere() {
    new Dialog(this, {
      title: "Sign out everywhere?",
      message:
        "Every device where this account is signed in, this one too, goes back to the sign-in screen.",
      actions: [
        {
          label: "Yes, sign out everywhere",
          variant: "danger",
          onPress: () => this.leave(() => getNet().signOutEverywhere()),
        },
        { label: "Cancel", variant: "secondary", onPress: () => {} },
      ],
    });
  }

  private async leave(action: () => Promise<void>) {
    try {
      await whileRunning(this, action());
    } finally {
      this.scene.start("SignIn");
    }
  }

  private openLinkForm() {
    for (const b of this.buttons) b.setVisible(false);
    const close = () => {
      this.form?.close();
      this.form = null;
      for (const b of this.buttons) b.setVisible(true);
      this.saveButton.setVisible(getNet().session()?.isGuest ?? false);
      this.refresh();
    };
    this.form = openForm({
      title: "Save progress",
      intro: "Link an email and password to keep your scores on any device.",
      fields: [
        // Each rule beside its own field, not under the last one.
        {
          name: "name",
          label: "Your name",
          hint: `(${displayNameRule})`,
          type: "text",
          autocomplete: "nickname",
        },
        { name: "email", label: "Email", hint: emailHint, type: "email", autocomplete: "email" },
        {
          name: "password",
          label: "Password",
          hint: passwordHint,
          type: "password",
          autocomplete: "new-password",
        },
      ],
      actions: [
        {
          label: "Save progress",
          submit: true,
          onClick: async (v) => {
            const form = this.form;
            if (!form) return;
            if (!v.email || !v.password) return form.setError("Enter an email and a password.");
            form.setBusy(true);
            try {
              await whileRunning(this, saveProgress(v.name ?? "", v.email, v.password));
              close();
            } catch (err) {
              form.setError(
                err instanceof SignInFailure ? err.message : "Could not save. Try again.",
                undefined,
                err instanceof SignInFailure ? err.fields : [],
              );
            } finally {
              form.setBusy(false);
            }
          },
        },
        { label: "Cancel", kind: "secondary", onClick: close },
      ],
    });
    this.form.setValue("name", getNet().session()?.displayName ?? "");
  }
}
