import type * as Phaser from "phaser";
import { SPARK_FRAMES, TEX } from "../art/textures";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import type { RoundResult, SubmitOutcome } from "../net/types";
import type { WatchData } from "../play/watch";
import type { Button } from "../views/button";
import { describeOutcome, gapToNext } from "../views/outcome-text";
import { playRound } from "../views/play-round";
import { colors, textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";

interface GameOverData {
  result: RoundResult;
  submission: Promise<SubmitOutcome> | null;
  notSavedReason: string | null;
  /** The round just played, to watch again. */
  watch?: WatchData;
}

/** "Game Over", the score, what the server said about it (best, rank), Play again, Menu. */
export class GameOverScene extends UiScene {
  private scoreText!: Phaser.GameObjects.Text;
  private outcomeText!: Phaser.GameObjects.Text;
  private gapText!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private outcome: SubmitOutcome | null = null;

  constructor() {
    super("GameOver");
  }

  protected build(data: GameOverData) {
    this.outcome = null;
    this.title("Game Over");
    this.scoreText = this.add.text(0, 0, "Score: 0", textStyle(this, 34)).setOrigin(0.5);
    this.gapText = this.add
      .text(0, 0, "", textStyle(this, 18, colors.accent, { align: "center" }))
      .setOrigin(0.5);
    this.outcomeText = this.add
      .text(
        0,
        0,
        describeOutcome(null, data.submission ? null : (data.notSavedReason ?? "Not saved.")),
        textStyle(this, 18, colors.muted, { align: "center" }),
      )
      .setOrigin(0.5);
    const watch = data.watch;
    this.buttons = [
      this.button("Play again", () => void playRound(this)),
      ...(watch
        ? [
            this.button(
              "Watch your run",
              // Back comes here again (the submission has settled by then: no resend).
              () =>
                this.scene.start("Round", {
                  watch: { ...watch, back: { scene: "GameOver", data } },
                }),
              "secondary",
            ),
          ]
        : []),
      this.button("Leaderboard", () => this.scene.start("Leaderboard"), "secondary"),
      this.button("Menu", () => this.scene.start("Menu"), "secondary"),
    ];
    this.focus.focus(this.buttons[0] ?? null);
    emitGameEvent(this, "status", { status: "saving" });
    inspectable(this, "gameOver", () => ({
      score: data.result.score,
      gifts: data.result.gifts,
      shownScore: this.scoreText.text,
      outcome: this.outcome,
      message: this.outcomeText.text,
      gap: this.gapText.text,
    }));
    // Ready once the score has counted up and the server's answer (and the gap to the next
    // player) is shown.
    const settled = data.submission
      ? whileRunning(this, data.submission).then((outcome) => this.showOutcome(outcome))
      : Promise.resolve();
    void whileRunning(this, Promise.all([this.countUp(data.result.score), settled])).then(() =>
      emitGameEvent(this, "status", { status: "ready" }),
    );
  }

  /** The score counts up from 0 (about a second at most). */
  private countUp(score: number): Promise<void> {
    return new Promise((resolve) => {
      if (score === 0) return resolve();
      const counter = { n: 0 };
      this.tweens.add({
        targets: counter,
        n: score,
        duration: Math.min(1000, 200 + score * 25),
        ease: "Cubic.easeOut",
        onUpdate: () => this.scoreText.setText(`Score: ${Math.round(counter.n)}`),
        onComplete: () => {
          this.scoreText.setText(`Score: ${score}`);
          resolve();
        },
      });
    });
  }

  private async showOutcome(outcome: SubmitOutcome): Promise<void> {
    this.outcome = outcome;
    this.outcomeText.setText(describeOutcome(outcome, null));
    if (outcome.status !== "accepted") return;
    if (outcome.newBest && outcome.score > 0) this.confetti();
    const around = await whileRunning(this, getNet().leaderboard({ aroundMe: true })).catch(
      () => null,
    );
    this.gapText.setText(around ? (gapToNext(outcome.best, outcome.rank, around.rows) ?? "") : "");
    this.layout();
  }

  /** A new best: confetti from the top of the screen. */
  private confetti() {
    const { width } = this.scale;
    const burst = this.add.particles(0, 0, TEX.spark, {
      x: { min: 0, max: width },
      y: -10,
      speedY: { min: 160, max: 360 },
      speedX: { min: -80, max: 80 },
      rotate: { min: 0, max: 360 },
      scale: { start: 1.1, end: 0.4 },
      lifespan: 2600,
      frame: [...SPARK_FRAMES],
      emitting: false,
    });
    burst.explode(90);
  }

  protected layout() {
    const { height } = this.scale;
    const s = uiScale(this);
    const x = this.contentX;
    const top = Math.max(20, height * 0.5 - (this.sideways ? 100 : 220) * s);
    this.placeTitle(top + 30 * s, 44);
    this.scoreText.setPosition(x, top + 100 * s).setStyle(textStyle(this, 34));
    this.gapText
      .setPosition(x, top + 178 * s)
      .setStyle(textStyle(this, 18, colors.accent, { align: "center" }));
    this.outcomeText.setPosition(x, top + 150 * s).setStyle(
      textStyle(this, 18, colors.muted, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    this.buttonColumn(this.buttons, top + 205 * s);
  }
}
