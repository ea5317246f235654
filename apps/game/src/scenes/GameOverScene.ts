import type * as Phaser from "phaser";
import { emitGameEvent } from "../app/game-events";
import { whileRunning } from "../app/while-running";
import type { WatchData } from "../game/watch";
import type { RoundResult, SubmitOutcome } from "../net/types";
import type { Button } from "../ui/button";
import { describeOutcome } from "../ui/outcome-text";
import { playRound } from "../ui/play-round";
import { colors, textStyle, uiScale } from "../ui/theme";
import { UiScene } from "../ui/ui-scene";

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
  private buttons: Button[] = [];
  private outcome: SubmitOutcome | null = null;

  constructor() {
    super("GameOver");
  }

  protected build(data: GameOverData) {
    this.outcome = null;
    this.title("Game Over");
    this.scoreText = this.add
      .text(0, 0, `Score: ${data.result.score}`, textStyle(this, 34))
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
                this.scene.start("Game", {
                  watch: { ...watch, back: { scene: "GameOver", data } },
                }),
              "secondary",
            ),
          ]
        : []),
      this.button("Menu", () => this.scene.start("Menu"), "secondary"),
    ];
    this.focus.focus(this.buttons[0] ?? null);
    emitGameEvent(this, "status", { status: data.submission ? "saving" : "ready" });
    emitGameEvent(this, "inspect", {
      key: "gameOver",
      scene: this,
      read: () => ({
        score: data.result.score,
        gifts: data.result.gifts,
        shownScore: this.scoreText.text,
        outcome: this.outcome,
        message: this.outcomeText.text,
      }),
    });
    if (!data.submission) return;
    void whileRunning(this, data.submission).then((outcome) => {
      this.outcome = outcome;
      this.outcomeText.setText(describeOutcome(outcome, null));
      emitGameEvent(this, "status", { status: "ready" });
    });
  }

  protected layout() {
    const { height } = this.scale;
    const s = uiScale(this);
    const x = this.contentX;
    const top = Math.max(20, height * 0.5 - (this.sideways ? 100 : 220) * s);
    this.placeTitle(top + 30 * s, 44);
    this.scoreText.setPosition(x, top + 100 * s).setStyle(textStyle(this, 34));
    this.outcomeText.setPosition(x, top + 150 * s).setStyle(
      textStyle(this, 18, colors.muted, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    this.buttonColumn(this.buttons, top + 195 * s);
  }
}
