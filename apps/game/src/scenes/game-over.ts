import type * as Phaser from "phaser";
import { SPARK_FRAMES, TEX } from "../art/textures";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import type { LeaderboardRow, RoundResult, SubmitOutcome } from "../net/types";
import { type WatchData, watchOf } from "../play/watch";
import type { Button } from "../views/button";
import { describeOutcome, gapToNext, isNewBest } from "../views/outcome-text";
import { type OpenRound, playRound } from "../views/play-round";
import { shareRun } from "../views/share-run";
import { colors, textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";

/** How long after game over opens a tap on the screen plays again, even before it is ready. */
const TAP_ARM_MS = 1500;

/** Play again: the round's scenes came with this one (round-scenes.ts), so it starts at once. */
const startRound: OpenRound = async (scene, round) => {
  scene.scene.start("Round", round);
  return true;
};

interface GameOverData {
  result: RoundResult;
  submission: Promise<SubmitOutcome> | null;
  notSavedReason: string | null;
  /** A practice round just played, to watch again (its seed and inputs are here). */
  watch?: WatchData;
  /**
   * A live round on the board: Watch plays the run the server stored (replay_get: the week's
   * best, this one when it is a new best).
   */
  watchOwn?: "run" | "best";
  /** What the live round's prediction measured (the test build's probe reads it). */
  live?: { largestCorrection: number; largestStep: number; snaps: number; largestFill: number };
}

/**
 * "Game Over", the score, what the server said about it (best, rank, the gap to the next
 * player), Play again (also Enter, Space or a tap on the screen), Watch, Share, Menu.
 */
export class GameOverScene extends UiScene {
  private scoreText!: Phaser.GameObjects.Text;
  private outcomeText!: Phaser.GameObjects.Text;
  private gapText!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private outcome: SubmitOutcome | null = null;
  private watchTop!: Button;
  private share!: Button;
  /** The board's #1 when it isn't this player: "Watch #1's run". */
  private top: LeaderboardRow | null = null;
  /** A tap on the screen plays again (see tapToPlayAgain). */
  private tapArmed = false;

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
    this.top = null;
    this.watchTop = this.button("Watch #1's run", () => void this.watchFirst(data), "secondary");
    this.share = this.button("Share", () => this.shareBest(), "secondary");
    this.watchTop.setVisible(false);
    this.share.setVisible(false);
    const again = () => void playRound(this, startRound, { again: true });
    this.buttons = [
      this.button("Play again", again),
      ...(data.watchOwn
        ? [
            this.button(
              data.watchOwn === "run" ? "Watch your run" : "Watch your best run",
              () => void this.watchOwn(data),
              "secondary",
            ),
          ]
        : []),
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
      this.share,
      this.watchTop,
      this.button("Leaderboard", () => this.scene.start("Leaderboard"), "secondary"),
      this.button("Menu", () => this.scene.start("Menu"), "secondary"),
    ];
    this.focus.focus(this.buttons[0] ?? null);
    this.tapToPlayAgain(again);
    emitGameEvent(this, "status", { status: "saving" });
    inspectable(this, "gameOver", () => ({
      score: data.result.score,
      gifts: data.result.gifts,
      shownScore: this.scoreText.text,
      outcome: this.outcome,
      message: this.outcomeText.text,
      gap: this.gapText.text,
      largestCorrection: data.live?.largestCorrection ?? null,
      largestStep: data.live?.largestStep ?? null,
      snaps: data.live?.snaps ?? null,
      largestFill: data.live?.largestFill ?? null,
    }));
    // Ready once the score has counted up and the server's answer (and the gap to the next
    // player) is shown.
    const settled = data.submission
      ? whileRunning(this, data.submission).then((outcome) => this.showOutcome(outcome))
      : Promise.resolve();
    void whileRunning(this, Promise.all([this.countUp(data.result.score), settled])).then(() => {
      this.tapArmed = true;
      emitGameEvent(this, "status", { status: "ready" });
    });
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
    if (isNewBest(outcome)) this.confetti();
    this.share.setLabel(outcome.newBest ? "Share" : "Share your best").setVisible(outcome.rank > 0);
    const net = getNet();
    const around = await whileRunning(this, net.leaderboard({ aroundMe: true })).catch(() => null);
    this.gapText.setText(around ? (gapToNext(outcome.best, outcome.rank, around.rows) ?? "") : "");
    const first =
      around?.rows.find((r) => r.rank === 1) ??
      (await whileRunning(this, net.leaderboard()).catch(() => null))?.rows.find(
        (r) => r.rank === 1,
      );
    this.top = first && !first.isMe ? first : null;
    this.watchTop.setVisible(this.top !== null);
    this.layout();
  }

  /**
   * A tap on the screen (not on a button) plays again, once the score's fate is shown (or a
   * moment has passed without it): a tap meant for the round's last second doesn't skip it.
   */
  private tapToPlayAgain(again: () => void) {
    this.tapArmed = false;
    this.time.delayedCall(TAP_ARM_MS, () => {
      this.tapArmed = true;
    });
    this.input.on(
      "pointerdown",
      (_pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => {
        if (over.length === 0 && this.tapArmed) again();
      },
    );
  }

  /** Shares the player's run on the board (their best this week). */
  private shareBest() {
    const me = getNet().session();
    const outcome = this.outcome;
    if (!me || outcome?.status !== "accepted") return;
    void shareRun(this, { ownerId: me.userId, score: outcome.best }, me.displayName ?? me.username);
  }

  /** Plays the player's run as the server stored it; Back comes here again. */
  private async watchOwn(data: GameOverData) {
    const me = getNet().session();
    if (!me) return;
    try {
      const run = await whileRunning(this, getNet().replay(me.userId));
      this.scene.start("Round", {
        watch: watchOf(run, {
          title: "Your run",
          back: { scene: "GameOver", data },
        }),
      });
    } catch (err) {
      this.gapText.setText(err instanceof Error ? err.message : "That run can't be watched.");
    }
  }

  /** Plays the board's #1 run; Back comes here again. */
  private async watchFirst(data: GameOverData) {
    const top = this.top;
    if (!top) return;
    try {
      const run = await whileRunning(this, getNet().replay(top.ownerId));
      this.scene.start("Round", {
        watch: watchOf(run, {
          title: `${top.name}'s run`,
          back: { scene: "GameOver", data },
          share: { ownerId: top.ownerId, score: run.score, name: top.name },
        }),
      });
    } catch (err) {
      this.gapText.setText(err instanceof Error ? err.message : "That run can't be watched.");
    }
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
    // Behind the words and buttons, over the sky.
    burst.setDepth(-5);
    burst.explode(90);
  }

  protected layout() {
    const s = uiScale(this);
    const x = this.contentX;
    const top = this.placeTop(20, { sideways: 100, upright: 220 }, { at: 30, size: 44 });
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
