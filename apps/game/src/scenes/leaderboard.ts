import type { LeaderboardBoard } from "@gift-grab/contracts";
import type * as Phaser from "phaser";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import type { LeaderboardOptions, LeaderboardPage, LeaderboardRow } from "../net/types";
import { watchOf } from "../play/watch";
import { Button } from "../views/button";
import { colors, fontPx, textStyle, uiScale } from "../views/theme";
import { formatDuration } from "../views/time-format";
import { UiScene } from "../views/ui-scene";
import { openRound } from "./open-round";

export interface LeaderboardData {
  /** The board shown first: solo unless told. */
  board?: LeaderboardBoard;
  /** Where Back goes: the menu unless told (the race menu's Versus board). */
  back?: "Menu" | "RaceMenu";
}

/** What each board's screen says where they differ. */
const BOARD_WORDS: Record<
  LeaderboardBoard,
  { tab: string; unit: (n: number) => string; none: string; empty: string }
> = {
  solo: {
    tab: "Solo",
    unit: (n) => String(n),
    none: "You're not on the board yet — play a round!",
    empty: "No scores yet this week.",
  },
  versus: {
    tab: "Versus",
    unit: (n) => (n === 1 ? "1 point" : `${n} points`),
    none: "No points yet — race someone!",
    empty: "No races yet this week.",
  },
};

const ROWS = 10;
/** The paging buttons' label size: four of them share a narrow phone's row. */
const NAV_FONT = 16;

/**
 * A weekly board, solo rounds' or races' (a tab each): top 10 with paging, around me, my rank,
 * time to reset and last week's podium. Solo rows have Watch; a versus row is a week of races.
 */
export class LeaderboardScene extends UiScene {
  private info!: Phaser.GameObjects.Text;
  private rows: {
    rank: Phaser.GameObjects.Text;
    name: Phaser.GameObjects.Text;
    score: Phaser.GameObjects.Text;
    watch: Button;
  }[] = [];
  private footer!: Phaser.GameObjects.Text;
  private prev!: Button;
  private next!: Button;
  private around!: Button;
  private back!: Button;
  private tabs!: Record<LeaderboardBoard, Button>;
  private board: LeaderboardBoard = "solo";
  private page: LeaderboardPage | null = null;
  private error: string | null = null;
  private aroundMe = false;

  constructor() {
    super("Leaderboard");
  }

  protected build(data: LeaderboardData = {}) {
    this.page = null;
    this.error = null;
    this.aroundMe = false;
    this.board = data.board ?? "solo";
    this.title("Weekly leaderboard");
    const tab = (board: LeaderboardBoard) =>
      this.button(BOARD_WORDS[board].tab, () => this.show(board), "secondary", NAV_FONT);
    this.tabs = { solo: tab("solo"), versus: tab("versus") };
    this.info = this.add
      .text(0, 0, "Loading…", textStyle(this, 15, colors.muted, { align: "center" }))
      .setOrigin(0.5, 0);
    this.rows = Array.from({ length: ROWS }, (_, i) => {
      const watch = new Button(this, {
        label: "Watch",
        variant: "secondary",
        fontSize: 14,
        onPress: () => void this.watch(i),
      });
      this.focus.add(watch);
      return {
        rank: this.add.text(0, 0, "", textStyle(this, 18)).setOrigin(0, 0.5),
        name: this.add.text(0, 0, "", textStyle(this, 18)).setOrigin(0, 0.5),
        score: this.add.text(0, 0, "", textStyle(this, 18)).setOrigin(1, 0.5),
        watch,
      };
    });
    this.footer = this.add
      .text(0, 0, "", textStyle(this, 15, colors.muted, { align: "center" }))
      .setOrigin(0.5, 0);
    this.prev = this.button(
      "◀ Prev",
      () => void this.fetchPage(this.page?.prevCursor ?? undefined),
      "secondary",
      NAV_FONT,
    );
    this.next = this.button(
      "Next ▶",
      () => void this.fetchPage(this.page?.nextCursor ?? undefined),
      "secondary",
      NAV_FONT,
    );
    this.around = this.button(
      "Around me",
      () => {
        this.aroundMe = !this.aroundMe;
        void this.fetchPage();
      },
      "secondary",
      NAV_FONT,
    );
    this.back = this.button(
      "Back",
      () => this.scene.start(data.back ?? "Menu"),
      "secondary",
      NAV_FONT,
    );
    this.focus.focus(this.back);
    this.time.addEvent({ delay: 1000, loop: true, callback: () => this.render() });
    inspectable(this, "leaderboard", () =>
      this.page
        ? {
            board: this.page.board,
            rows: this.page.rows,
            me: this.page.me,
            lastWeekTop: this.page.lastWeekTop,
            error: this.error,
          }
        : { board: this.board, rows: [], me: null, lastWeekTop: [], error: this.error },
    );
    void this.fetchPage();
  }

  /** Switches to a board's tab: its top 10. */
  private show(board: LeaderboardBoard) {
    if (board === this.board) return;
    this.board = board;
    this.page = null;
    this.aroundMe = false;
    this.render();
    void this.fetchPage();
  }

  private async fetchPage(cursor?: string) {
    emitGameEvent(this, "status", { status: "loading" });
    const board = this.board;
    try {
      const options: LeaderboardOptions = { board, aroundMe: this.aroundMe };
      if (cursor) options.cursor = cursor;
      const page = await whileRunning(this, getNet().leaderboard(options));
      // A tab switched while this page was on its way: the other board's page is coming.
      if (board !== this.board) return;
      this.page = page;
      this.error = null;
    } catch (err) {
      this.error = err instanceof Error && err.message ? err.message : "Leaderboard unavailable.";
    }
    emitGameEvent(this, "status", { status: "ready" });
    this.render();
  }

  /** Fetches the row's run and plays it in the round scene (Back returns here). */
  private async watch(i: number) {
    const row = this.page?.rows[i];
    if (!row) return;
    emitGameEvent(this, "status", { status: "loading" });
    try {
      const run = await whileRunning(this, getNet().replay(row.ownerId));
      const watch = watchOf(run, {
        title: row.isMe ? "Your run" : `${row.name}'s run`,
        back: { scene: "Leaderboard" },
        share: { ownerId: row.ownerId, score: run.score, name: row.name },
      });
      if (!(await whileRunning(this, openRound(this, { watch })))) {
        emitGameEvent(this, "status", { status: "ready" });
      }
    } catch (err) {
      this.error = err instanceof Error && err.message ? err.message : "That run can't be watched.";
      emitGameEvent(this, "status", { status: "ready" });
      this.render();
    }
  }

  private render() {
    const p = this.page;
    const words = BOARD_WORDS[this.board];
    for (const [board, button] of Object.entries(this.tabs))
      button.setVariant(board === this.board ? "primary" : "secondary");
    const fmtRow = (r: LeaderboardRow) => `#${r.rank} ${r.name} — ${r.score}`;
    if (!p) {
      this.info.setText(this.error ?? "Loading…");
    } else {
      const me = p.me ? `You: #${p.me.rank} with ${words.unit(p.me.score)}` : words.none;
      this.info.setText(
        // Short enough for one line at 360 px whatever the time left reads ("59 min 59 s" is the
        // longest): a wrapped line pushed the buttons off a small screen within the reset's last hour.
        `${me}\nResets Monday 00:00 UTC, in ${formatDuration(p.nextResetAt.getTime() - Date.now())}${this.error ? `\n${this.error}` : ""}`,
      );
      this.footer.setText(
        p.lastWeekTop.length
          ? `Last week: ${p.lastWeekTop.map(fmtRow).join("   ")}`
          : "Last week: nobody made the podium. This week it could be you!",
      );
    }
    this.rows.forEach((row, i) => {
      const r = p?.rows[i];
      const color = r?.isMe ? colors.accent : colors.text;
      row.rank.setText(r ? `#${r.rank}` : "").setColor(color);
      row.name.setText(r ? r.name : i === 0 && p ? words.empty : "").setColor(color);
      row.score.setText(r ? String(r.score) : "").setColor(color);
      // A versus row is a week of races: no one run to watch.
      row.watch.setVisible(!!r && this.board === "solo");
    });
    this.prev.setEnabled(!!p?.prevCursor);
    this.next.setEnabled(!!p?.nextCursor);
    this.around.setLabel(this.aroundMe ? "Top 10" : "Around me");
    this.layout();
  }

  protected layout() {
    const { width, height } = this.scale;
    const s = uiScale(this);
    const colW = this.sideways ? this.contentWidth : Math.min(width - 24, 480 * s);
    const left = this.contentX - colW / 2;
    const top = Math.max(12, height * 0.5 - 360 * s);
    const bh = Math.max(46 * s, 44 * pixelRatio());
    // Ten fingertip-high rows, two lines above and below them and the buttons: where the tabs
    // and the title don't both fit (a small phone), the tabs take the title's place.
    const rowsMin = ROWS * 45 * pixelRatio();
    const compact = !this.sideways && top + 50 * s + bh + rowsMin + 190 * s > height;
    this.placeTitle(top + 24 * s, 30, !compact);
    let infoY = compact ? top : top + 50 * s;
    if (!this.sideways) {
      // The boards' tabs under the title (sideways they head the button column).
      const tabW = Math.min(colW, 360 * s) / 2 - 4;
      const y = infoY + bh / 2;
      this.tabs.solo.place(this.contentX - tabW / 2 - 4, y, tabW, bh);
      this.tabs.versus.place(this.contentX + tabW / 2 + 4, y, tabW, bh);
      infoY += bh + 6 * s;
    }
    this.info
      .setPosition(this.contentX, infoY)
      .setStyle(textStyle(this, 16, colors.muted, { align: "center", wordWrap: { width: colW } }));
    // Every row's Watch takes a fingertip, so sideways (too short for ten such rows) the board
    // reads in two columns of five.
    const cols = this.sideways ? 2 : 1;
    const perCol = ROWS / cols;
    const gap = 16 * s;
    const rowW = (colW - gap * (cols - 1)) / cols;
    const rowsRoom = height - (this.info.y + this.info.height) - (this.sideways ? 40 : 150) * s;
    const rowH = Math.max(45 * pixelRatio(), Math.min(30 * s, rowsRoom / perCol));
    const rowsTop = this.info.y + this.info.height + 8 * s + rowH / 2;
    const font = fontPx(this, 18);
    this.rows.forEach((row, i) => {
      const x = left + Math.floor(i / perCol) * (rowW + gap);
      const y = rowsTop + (i % perCol) * rowH;
      const watchW = Math.max(64 * s, 60 * pixelRatio());
      const rankW = (cols > 1 ? 44 : 64) * s;
      row.rank.setPosition(x + 4, y).setFontSize(font);
      row.name.setPosition(x + rankW, y).setFontSize(font);
      row.score.setPosition(x + rowW - watchW - 10 * s, y).setFontSize(font);
      // A long name stops short of the score; the empty board's line (no score) runs across.
      const nameRoom = row.score.text
        ? row.score.x - row.score.width - 8 * s - row.name.x
        : left + colW - row.name.x;
      row.name.setCrop(0, 0, Math.max(0, nameRoom), row.name.height);
      row.watch.place(x + rowW - watchW / 2, y, watchW, rowH - 4 * s);
    });
    const afterRows = rowsTop + perCol * rowH - rowH / 2 + 2 * s;
    this.footer
      .setPosition(this.contentX, afterRows)
      .setStyle(textStyle(this, 14, colors.muted, { align: "center", wordWrap: { width: colW } }));
    if (this.sideways) {
      this.buttonColumn(
        [this.tabs.solo, this.tabs.versus, this.prev, this.next, this.around, this.back],
        0,
        10,
      );
      return;
    }
    const by = afterRows + this.footer.height + 8 * s;
    const nav = [this.prev, this.next, this.around, this.back];
    // Two rows of two, or one of four where two would run off a short screen.
    const perRow = by + bh * 2 + 10 <= height - 8 ? 2 : 4;
    const bw = (colW - 8 * (perRow - 1)) / perRow;
    nav.forEach((b, i) => {
      const col = i % perRow;
      const row = Math.floor(i / perRow);
      b.place(left + col * (bw + 8) + bw / 2, by + bh / 2 + row * (bh + 10), bw, bh);
    });
  }
}
