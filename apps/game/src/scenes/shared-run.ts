import type * as Phaser from "phaser";
import type { RunLink } from "../config/run-link";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import type { LeaderboardPage, Replay } from "../net/types";
import { watchOf } from "../play/watch";
import type { Button } from "../views/button";
import { playRound } from "../views/play-round";
import { type ScoreCard, scoreCard } from "../views/score-card";
import { colors, textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";
import { openRound } from "./open-round";

export interface SharedRunData {
  link: RunLink;
}

/**
 * A run someone shared (a `?run=` link, config/run-link.ts): its card (name, score, rank,
 * week), Watch it, and Play to try to beat it. Boot signs a visitor without a session in as a
 * guest first, without a word: no sign-in, sign-up or name to pick before seeing the run.
 */
export class SharedRunScene extends UiScene {
  private cardText!: Phaser.GameObjects.Text;
  private noteText!: Phaser.GameObjects.Text;
  private watchButton!: Button;
  private buttons: Button[] = [];
  private shown: ScoreCard | null = null;
  private run: Replay | null = null;
  private name = "";

  constructor() {
    super("SharedRun");
  }

  protected build(data: SharedRunData) {
    this.shown = null;
    this.run = null;
    this.title("A run to beat");
    this.cardText = this.add
      .text(0, 0, "Loading the run…", textStyle(this, 24, colors.text, { align: "center" }))
      .setOrigin(0.5, 0);
    this.noteText = this.add
      .text(0, 0, "", textStyle(this, 18, colors.muted, { align: "center" }))
      .setOrigin(0.5, 0);
    this.watchButton = this.button("Watch the run", () => this.watch(data), "secondary");
    this.watchButton.setVisible(false);
    const play = this.button("Play", () => void playRound(this, openRound));
    this.buttons = [
      play,
      this.watchButton,
      this.button("Leaderboard", () => this.scene.start("Leaderboard"), "secondary"),
      this.button("Menu", () => this.scene.start("Menu"), "secondary"),
    ];
    this.focus.focus(play);
    inspectable(this, "sharedRun", () => ({
      ownerId: data.link.ownerId,
      card: this.cardText.text,
      note: this.noteText.text,
      watchable: this.shown?.watchable ?? false,
    }));
    void this.fetchRun(data.link);
  }

  private async fetchRun(link: RunLink) {
    emitGameEvent(this, "status", { status: "loading" });
    const net = getNet();
    const [run, board] = await whileRunning(
      this,
      Promise.allSettled([net.boardRun(link.ownerId), net.leaderboard()]),
    );
    const page: LeaderboardPage | null = board.status === "fulfilled" ? board.value : null;
    const row = page?.rows.find((r) => r.ownerId === link.ownerId) ?? null;
    if (run.status === "fulfilled") {
      this.run = run.value;
      this.name = row?.name ?? run.value?.username ?? "";
    } else {
      this.cardText.setText("This run can't be shown right now.");
      this.noteText.setText(
        run.reason instanceof Error && run.reason.message ? run.reason.message : "",
      );
      emitGameEvent(this, "status", { status: "ready" });
      this.layout();
      return;
    }
    this.shown = scoreCard({
      sharedScore: link.score,
      run: this.run ? { name: this.name, score: this.run.score } : null,
      rank: row?.rank ?? null,
      nextResetAt: page?.nextResetAt ?? null,
    });
    this.cardText.setText(this.shown.card);
    this.noteText.setText(this.shown.note);
    this.watchButton.setVisible(this.shown.watchable);
    emitGameEvent(this, "status", { status: "ready" });
    this.layout();
  }

  /** Plays the run in the round scene; Back comes here again. */
  private watch(data: SharedRunData) {
    const run = this.run;
    if (!run) return;
    const watch = watchOf(run, {
      title: `${this.name}'s run`,
      back: { scene: "SharedRun", data },
      share: { ownerId: run.owner_id, score: run.score, name: this.name },
    });
    void openRound(this, { watch });
  }

  protected layout() {
    const s = uiScale(this);
    const x = this.contentX;
    const top = this.placeTop(16, { sideways: 150, upright: 260 }, { at: 28, size: 40 });
    this.cardText.setPosition(x, top + 64 * s).setStyle(
      textStyle(this, 24, colors.text, {
        align: "center",
        lineSpacing: 6 * s,
        wordWrap: { width: this.contentWidth },
      }),
    );
    this.noteText.setPosition(x, this.cardText.y + this.cardText.height + 12 * s).setStyle(
      textStyle(this, 18, colors.muted, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    const below = this.noteText.y + (this.noteText.text ? this.noteText.height : 0) + 20 * s;
    this.buttonColumn(this.buttons, below);
  }
}
