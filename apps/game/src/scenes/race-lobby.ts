import type { LobbyMessage } from "@gift-grab/contracts";
import type * as Phaser from "phaser";
import { raceLinkUrl, showRaceCode } from "../config/race-link";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { whileRunning } from "../core/while-running";
import { raceFailureMessage, raceLobbyLostMessage } from "../net/messages";
import type { RaceRoom } from "../net/types";
import type { Button } from "../views/button";
import { shareLink } from "../views/share-link";
import { colors, textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";

export interface RaceLobbyData {
  room: RaceRoom;
  /** What happened, said over the status: the host left and the lobby passed on. */
  note?: string;
}

/**
 * A friend race before it starts: its code and link to share, who is in (LOBBY), and for the
 * host, Start (with the server's bots in the empty seats, or without). Everyone goes to the
 * race when its START comes. A host away too long hands the lobby to the player here longest
 * (the server decides: LOBBY's `host`); everyone is told, and the new host gets Start.
 */
export class RaceLobbyScene extends UiScene {
  private code!: Phaser.GameObjects.Text;
  private list!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private botsButton: Button | null = null;
  private bots = true;
  private room!: RaceRoom;
  private leaving = true;
  /** The seat hosting as this screen was built (`known`: by a LOBBY, not yet assumed). */
  private hostSeat = 0;
  private hostKnown = false;
  private builtAsHost = false;
  /** What happened, said over the status. */
  private note: string | null = null;

  constructor() {
    super("RaceLobby");
  }

  protected build(data: RaceLobbyData) {
    const room = data.room;
    this.room = room;
    this.leaving = true;
    this.bots = true;
    this.hostSeat = room.players?.host ?? 0;
    this.hostKnown = room.players !== null;
    this.builtAsHost = room.info.host;
    this.note = data.note ?? null;
    this.title(room.info.host ? "Race a friend" : "A friend's race");
    this.code = this.add
      .text(0, 0, `Code: ${showRaceCode(room.info.code)}`, textStyle(this, 26, colors.accent))
      .setOrigin(0.5, 0);
    this.list = this.add.text(0, 0, "", textStyle(this, 20, colors.text)).setOrigin(0.5, 0);
    this.status = this.add
      .text(0, 0, "", textStyle(this, 17, colors.muted, { align: "center" }))
      .setOrigin(0.5, 0);
    this.buttons = [];
    if (room.info.host) {
      this.buttons.push(this.button("Start race", () => void this.start()));
      this.botsButton = this.button(
        "Bots in empty seats: on",
        () => this.toggleBots(),
        "secondary",
      );
      this.buttons.push(this.botsButton);
    }
    this.buttons.push(this.button("Share link", () => void this.share(), "secondary"));
    this.buttons.push(this.button("Leave", () => this.scene.start("RaceMenu"), "secondary"));
    this.focus.focus(this.buttons[0] ?? null);

    const offs = [
      room.events.on("lobby", (m) => this.lobbyChanged(m)),
      room.events.on("start", (ticket) => {
        this.leaving = false;
        this.scene.start("Race", { ticket });
      }),
      room.events.on("lost", (why) =>
        this.scene.start("RaceMenu", { error: raceLobbyLostMessage(why) }),
      ),
    ];
    this.events.once("shutdown", () => {
      for (const off of offs) off();
      if (this.leaving) room.leave();
    });
    this.showPlayers(room.players);
    inspectable(this, "raceLobby", () => ({
      code: room.info.code,
      // The screen's host (Start is here), not the room's: a LOBBY handing the role over
      // changes the room at once and this screen a step later, rebuilt with the news.
      host: this.builtAsHost,
      players: room.players?.players ?? [],
      hostSeat: room.players?.host ?? 0,
      list: this.list.text,
      status: this.status.text,
    }));
  }

  /**
   * A LOBBY: who is in. When the host changed (the one before left), the screen is built again
   * for the new host (Start is theirs now), saying what happened.
   */
  private lobbyChanged(m: LobbyMessage) {
    const known = this.hostKnown;
    this.hostKnown = true;
    if (m.host === this.hostSeat) return this.showPlayers(m);
    if (!known) {
      // The first LOBBY of a player who came after a handover: nothing happened while here.
      this.hostSeat = m.host;
      if (this.room.info.host === this.builtAsHost) return this.showPlayers(m);
      this.leaving = false;
      this.scene.restart({ room: this.room } satisfies RaceLobbyData);
      return;
    }
    const next = m.players[m.host]?.name || "another friend";
    const note =
      this.hostSeat === this.room.info.seat
        ? `You were away too long: ${next} is the host now.`
        : `${m.players[this.hostSeat]?.name || "The host"} left: ${this.room.info.host ? "you're" : `${next} is`} the host now.`;
    this.leaving = false;
    this.scene.restart({ room: this.room, note } satisfies RaceLobbyData);
  }

  private showPlayers(m: LobbyMessage | null) {
    const seats = m?.maxSeats ?? 2;
    const host = m?.host ?? 0;
    const lines: string[] = [];
    for (let i = 0; i < seats; i++) {
      const p = m?.players[i];
      const away = this.room.seen.has(i) ? "away" : "joining…";
      const marks = [i === host ? "host" : "", p?.here ? "" : away].filter((w) => w !== "");
      const who = !p
        ? "(empty)"
        : `${i === this.room.info.seat ? "You" : p.name || "A friend"}${marks.length > 0 ? ` (${marks.join(", ")})` : ""}`;
      lines.push(`${i + 1}. ${who}`);
    }
    this.list.setText(lines.join("\n"));
    const friends = (m?.players.length ?? 1) - 1;
    const hostAway = m ? m.players[host]?.here === false : false;
    const status = this.room.info.host
      ? friends > 0
        ? "Start when everyone is in."
        : "Share the link or the code. Your friends land here."
      : hostAway
        ? "The host is away. If they don't come back soon, whoever has waited longest here becomes the host."
        : "Waiting for the host to start the race…";
    this.status.setText(this.note ? `${this.note}\n${status}` : status);
    this.layout();
  }

  private toggleBots() {
    this.bots = !this.bots;
    this.botsButton?.setLabel(`Bots in empty seats: ${this.bots ? "on" : "off"}`);
  }

  private async start() {
    this.status.setText("Starting…");
    emitGameEvent(this, "status", { status: "starting" });
    try {
      await whileRunning(this, this.room.start(this.bots));
    } catch (err) {
      const message = raceFailureMessage(err);
      this.status.setText(message);
      emitGameEvent(this, "status", { status: "ready", lastError: message });
    }
    this.layout();
  }

  private share() {
    const url = raceLinkUrl(window.location.href, this.room.info.code);
    void shareLink(this, {
      url,
      text: "Race me in Gift Grab: who grabs the most gifts?",
      copied: "Link copied: send it to your friends.",
    });
  }

  protected layout() {
    const s = uiScale(this);
    const x = this.contentX;
    const top = this.placeTop(16, { sideways: 150, upright: 270 }, { at: 26, size: 36 });
    this.code.setPosition(x, top + 60 * s).setStyle(textStyle(this, 26, colors.accent));
    this.list
      .setPosition(x, this.code.y + this.code.height + 12 * s)
      .setStyle(textStyle(this, 20, colors.text, { lineSpacing: 4 * s }));
    this.status.setPosition(x, this.list.y + this.list.height + 12 * s).setStyle(
      textStyle(this, 17, colors.muted, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    this.buttonColumn(this.buttons, this.status.y + this.status.height + 16 * s);
  }
}
