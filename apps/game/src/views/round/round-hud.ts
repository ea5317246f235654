import { type RoundState, timeLeftMs } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { colors, css, fontPx, textStyle, uiScale } from "../theme";
import { hudTexts } from "./hud-texts";

/** The timer pulses through the round's last seconds. */
const PULSE_FROM_S = 5;

/**
 * The round's heads-up display: score, time left, power-up countdowns, and one banner in the
 * middle for the countdown, the controls hint and the end-of-round beat.
 */
export class RoundHud {
  private readonly score: Phaser.GameObjects.Text;
  private readonly time: Phaser.GameObjects.Text;
  private readonly power: Phaser.GameObjects.Text;
  private readonly banner: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text;
  private pulsedAt = -1;

  constructor(private readonly scene: Phaser.Scene) {
    const bold = { fontStyle: "bold" };
    this.score = scene.add.text(0, 0, "", textStyle(scene, 22, colors.text, bold)).setDepth(40);
    this.time = scene.add
      .text(0, 0, "", textStyle(scene, 22, colors.text, bold))
      .setOrigin(1, 0)
      .setDepth(40);
    this.power = scene.add
      .text(0, 0, "", textStyle(scene, 18, colors.accent, bold))
      .setOrigin(0.5, 0)
      .setDepth(40);
    this.banner = scene.add
      .text(0, 0, "Get ready…", textStyle(scene, 30, colors.accent, bold))
      .setOrigin(0.5)
      .setShadow(0, 3, "#000", 6)
      .setDepth(45);
    this.hint = scene.add
      .text(0, 0, "", textStyle(scene, 18, colors.text))
      .setOrigin(0.5, 0)
      .setVisible(false)
      .setDepth(45);
  }

  /** The middle banner's lower edge on the screen (where something may go under it). */
  get bannerBottom(): number {
    return this.banner.y + this.banner.height / 2;
  }

  /** What the HUD reads now, as the player sees it. */
  get texts() {
    return {
      score: this.score.text,
      time: this.time.text,
      /** The time's colour: red through the last seconds. */
      timeColor: this.time.style.color as string,
      power: this.power.text,
      banner: this.banner.visible ? this.banner.text : "",
      hint: this.hint.visible ? this.hint.text : "",
    };
  }

  /**
   * `fieldTop`: the field's top on screen; `timeRight`: the time's right edge; `stacked`: the
   * time goes under the score (a narrow screen, where the row can't hold both and the buttons).
   */
  layout(
    width: number,
    height: number,
    fieldTop: number,
    timeRight: number,
    stacked = false,
  ): void {
    const s = uiScale(this.scene);
    const bold = { fontStyle: "bold" };
    this.score.setPosition(12, 12 * s).setStyle(textStyle(this.scene, 22, colors.text, bold));
    // Watch's "<name>'s run" over "Time: …" wraps rather than run over the score or off the screen.
    // The score's room is kept for three digits, whatever it reads while laid out.
    const scoreRoom = Math.max(this.score.width, fontPx(this.scene, 22) * 6.5);
    const timeRoom = stacked ? width - 24 : timeRight - this.score.x - scoreRoom - 16 * s;
    this.time
      .setOrigin(stacked ? 0 : 1, 0)
      .setPosition(stacked ? 12 : timeRight, stacked ? 42 * s : 12 * s)
      .setStyle(
        textStyle(this.scene, 22, this.time.style.color as string, {
          ...bold,
          align: stacked ? "left" : "right",
          wordWrap: { width: Math.max(timeRoom, 80 * s) },
        }),
      );
    // setStyle leaves a Text's padding as it was: padding is set on its own.
    this.power
      .setPosition(width / 2, fieldTop + 8)
      .setStyle(
        textStyle(this.scene, 18, colors.accent, {
          ...bold,
          backgroundColor: `${css(colors.night)}cc`,
        }),
      )
      .setPadding(10, 4, 10, 4);
    this.banner.setPosition(width / 2, height / 2 - 60 * s).setStyle(
      textStyle(this.scene, 30, colors.accent, {
        ...bold,
        align: "center",
        wordWrap: { width: width - 40 },
      }),
    );
    // Under the big countdown number, clear of Santa's start in the middle.
    this.hint
      .setPosition(width / 2, height / 2 + 70 * s)
      .setStyle(
        textStyle(this.scene, 18, colors.text, {
          align: "center",
          backgroundColor: `${css(colors.night)}cc`,
          wordWrap: { width: width - 48 },
        }),
      )
      .setPadding(12, 6, 12, 6);
  }

  /**
   * Score, time (`title` prefixes it in Watch) and power-ups of the round now; `own: false`
   * (a race's spectator) the time alone (hud-texts.ts).
   */
  show(round: RoundState, title: string | null, own = true): void {
    const texts = hudTexts(round, title, own);
    const secs = texts.secs;
    this.score.setText(texts.score);
    // Watch names the run on a line of its own, over the time.
    this.time.setText(texts.time);
    const closing = secs <= PULSE_FROM_S && timeLeftMs(round) > 0;
    const color = closing ? colors.bad : colors.text;
    // setColor re-renders the text's texture: only when it changes, never every frame.
    if (this.time.style.color !== color) this.time.setColor(color);
    if (closing && secs !== this.pulsedAt) {
      this.pulsedAt = secs;
      this.scene.tweens.add({ targets: this.time, scale: { from: 1.35, to: 1 }, duration: 350 });
    }
    this.power.setText(texts.power).setVisible(texts.power !== "");
  }

  scorePop(): void {
    this.scene.tweens.add({ targets: this.score, scale: { from: 1.3, to: 1 }, duration: 200 });
  }

  /** A message in the middle; null hides it. */
  say(text: string | null, hint: string | null = null): void {
    this.banner.setFontSize(Math.round(30 * uiScale(this.scene)));
    this.banner.setText(text ?? "").setVisible(text !== null);
    this.hint.setText(hint ?? "").setVisible(hint !== null);
  }

  /** The countdown's number, big, popping in as it changes. */
  count(n: number, hint: string | null): void {
    const text = String(n);
    if (this.banner.text === text && this.banner.visible) return;
    this.say(text, hint);
    this.banner.setFontSize(Math.round(96 * uiScale(this.scene)));
    this.scene.tweens.add({ targets: this.banner, scale: { from: 1.6, to: 1 }, duration: 300 });
  }

  /** A message that shows for `ms` of real time. */
  flash(text: string, ms: number): void {
    this.say(text);
    this.scene.time.delayedCall(ms, () => {
      if (this.banner.text === text) this.say(null);
    });
  }
}
