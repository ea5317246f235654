import type { EndMessage, StartPlayer } from "@gift-grab/contracts";
import type * as Phaser from "phaser";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { raceFailureMessage } from "../net/messages";
import type { RaceRoomInfo, RaceTicket } from "../net/types";
import type { Button } from "../views/button";
import { racerNames, standingsOf } from "../views/round/standings";
import { colors, textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";
import type { RaceWatchSceneData } from "./race-watch";

export interface RaceResultsData {
  /** Every seat's score, by the server's last frame. */
  scores: number[];
  players: StartPlayer[];
  seat: number;
  /** The server's END for this seat (null: the seat was lost, `message` says why). */
  end: EndMessage | null;
  message: string | null;
  /** A friend race: its lobby (a rematch is asked for by its code). */
  lobby: RaceRoomInfo | null;
  /** The finished race's match: a friend race's results hear REMATCH on it. */
  match: RaceTicket["match"];
  /** A REMATCH that came while the player watched the race: joined at once. */
  rematch?: string;
}

const ORDINAL = ["1st", "2nd", "3rd", "4th"] as const;

/**
 * A race's results: every Santa's place (equal scores share one), what the versus board
 * counted, and what next: a quick race again, or in a friend race a rematch any player asks for
 * (every player still here is taken to it).
 */
export class RaceResultsScene extends UiScene {
  private headline!: Phaser.GameObjects.Text;
  private table!: Phaser.GameObjects.Text;
  private note!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private joining = false;
  /** Gone to Watch: a friend race's match stays joined for REMATCH. */
  private watching = false;

  constructor() {
    super("RaceResults");
  }

  protected build(data: RaceResultsData) {
    this.joining = false;
    this.watching = false;
    const standings = standingsOf(data.scores, racerNames(data.players), data.seat);
    const mine = standings.find((s) => s.me);
    const place = mine?.place ?? 1;
    const tied = standings.filter((s) => s.place === place).length > 1;
    const headline = data.end
      ? place === 1
        ? tied
          ? "A tie for 1st!"
          : "You won!"
        : `You came ${ORDINAL[place - 1] ?? `#${place}`}`
      : "Race over";
    this.title("Race results");
    this.headline = this.add
      .text(0, 0, headline, textStyle(this, 30, colors.accent, { fontStyle: "bold" }))
      .setOrigin(0.5, 0);
    this.table = this.add
      .text(
        0,
        0,
        standings.map((s) => `${ORDINAL[s.place - 1]}  ${s.name}  ${s.score}`).join("\n"),
        textStyle(this, 22, colors.text, { align: "left" }),
      )
      .setOrigin(0.5, 0);
    this.note = this.add
      .text(0, 0, this.noteFor(data), textStyle(this, 17, colors.muted, { align: "center" }))
      .setOrigin(0.5, 0);

    this.buttons = [];
    const lobby = data.lobby;
    if (!lobby) this.buttons.push(this.button("Race again", () => this.raceAgain()));
    else this.buttons.push(this.button("Rematch", () => void this.rematch(lobby)));
    // The server stored the race at its END (not when it couldn't: "failed").
    if (data.end && data.end.reason !== "failed")
      this.buttons.push(this.button("Watch", () => void this.watch(data), "secondary"));
    this.buttons.push(this.button("Menu", () => this.scene.start("Menu"), "secondary"));
    this.focus.focus(this.buttons[0] ?? null);

    // Every player still here goes to the rematch any of them asks for.
    const offRematch = lobby
      ? data.match.events.on("rematch", (matchId) => void this.joinRematch(matchId, lobby))
      : () => {};
    this.events.once("shutdown", () => {
      offRematch();
      if (!this.joining && !(this.watching && lobby)) data.match.leave();
    });
    if (lobby && data.rematch) void this.joinRematch(data.rematch, lobby);
    emitGameEvent(this, "status", { status: "ready" });
    inspectable(this, "raceResults", () => ({
      headline: this.headline.text,
      table: this.table.text,
      note: this.note.text,
      place,
      end: data.end,
      scores: data.scores,
    }));
  }

  private noteFor(data: RaceResultsData): string {
    if (data.message) return data.message;
    const end = data.end;
    if (!end) return "";
    if (end.rank > 0) {
      const points = end.best === 1 ? "1 point" : `${end.best} points`;
      return `Versus board: ${points} this week, #${end.rank}.`;
    }
    return "A race against bots is practice: no points.";
  }

  /**
   * Watch of this race with every Santa: the server's record (race_get), played again. A
   * refusal is said here, in the player's words (messages.ts).
   */
  private async watch(data: RaceResultsData) {
    if (this.joining || this.watching) return;
    this.note.setText("Loading the race…");
    emitGameEvent(this, "status", { status: "loading" });
    this.layout();
    try {
      const race = await whileRunning(this, getNet().storedRace(data.match.matchId));
      if (this.joining) return;
      this.watching = true;
      const watch: RaceWatchSceneData = {
        race,
        seat: data.seat,
        back: { scene: "RaceResults", data },
        share: { raceId: race.match_id },
        rematchFrom: data.lobby ? data.match : null,
      };
      this.scene.start("RaceWatch", watch);
    } catch (err) {
      this.note.setText(raceFailureMessage(err));
      emitGameEvent(this, "status", { status: "ready", lastError: this.note.text });
      this.layout();
    }
  }

  /** Another quick race: the race screen searches at once. */
  private raceAgain() {
    this.scene.start("RaceMenu", { quick: true });
  }

  /** Any player of a friend race may ask; REMATCH then takes everyone still here to it. */
  private async rematch(lobby: RaceRoomInfo) {
    if (this.joining) return;
    this.note.setText("Asking for a rematch…");
    try {
      await whileRunning(this, getNet().rematchRace(lobby.code));
    } catch (err) {
      // Another player's REMATCH came first: that is the rematch.
      if (this.joining) return;
      this.note.setText(raceFailureMessage(err));
      emitGameEvent(this, "status", { status: "ready", lastError: this.note.text });
    }
    this.layout();
  }

  /** REMATCH: the new race's match, joined; the race screen when every seat is in. */
  private async joinRematch(matchId: string, lobby: RaceRoomInfo) {
    if (this.joining) return;
    this.joining = true;
    this.note.setText("Rematch! Waiting for everyone…");
    emitGameEvent(this, "status", { status: "starting" });
    this.layout();
    try {
      const ticket = await whileRunning(this, getNet().joinRematch(matchId, lobby));
      this.scene.start("Race", { ticket });
    } catch (err) {
      this.joining = false;
      this.note.setText(raceFailureMessage(err));
      emitGameEvent(this, "status", { status: "ready", lastError: this.note.text });
      this.layout();
    }
  }

  protected layout() {
    const s = uiScale(this);
    const x = this.contentX;
    const top = this.placeTop(16, { sideways: 150, upright: 270 }, { at: 26, size: 36 });
    this.headline.setPosition(x, top + 58 * s);
    this.table
      .setPosition(x, this.headline.y + this.headline.height + 14 * s)
      .setStyle(textStyle(this, 22, colors.text, { align: "left", lineSpacing: 6 * s }));
    this.note.setPosition(x, this.table.y + this.table.height + 14 * s).setStyle(
      textStyle(this, 17, colors.muted, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    this.buttonColumn(this.buttons, this.note.y + this.note.height + 18 * s);
  }
}
