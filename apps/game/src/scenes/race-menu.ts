import { normalizeRaceCode } from "@gift-grab/contracts";
import type * as Phaser from "phaser";
import { emitGameEvent } from "../core/game-events";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { raceFailureMessage } from "../net/messages";
import type { QuickRace, RaceRoom } from "../net/types";
import type { Button } from "../views/button";
import { type HtmlForm, openForm } from "../views/html-form";
import { colors, textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";
import type { LeaderboardData } from "./leaderboard";

/** This week's races, from here and back here. */
const versusBoard: LeaderboardData = { board: "versus", back: "RaceMenu" };

export interface RaceMenuData {
  /** Search for a quick race at once (Race again). */
  quick?: boolean;
  /** Why the last try failed (a friend's link that no longer works). */
  error?: string;
}

/**
 * The ways into a race: a quick race with whoever is searching (Nakama's matchmaker; the
 * server's bots when nobody is), a race with friends (a lobby and its link), or a friend's
 * race by its code.
 */
export class RaceMenuScene extends UiScene {
  private intro!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private cancelButton!: Button;
  private search: QuickRace | null = null;
  private form: HtmlForm | null = null;

  constructor() {
    super("RaceMenu");
  }

  protected build(data: RaceMenuData = {}) {
    this.search = null;
    this.form = null;
    this.title("Race");
    this.intro = this.add
      .text(
        0,
        0,
        "Race up to 3 other Santas on one field: most gifts wins.",
        textStyle(this, 18, colors.muted, { align: "center" }),
      )
      .setOrigin(0.5, 0);
    this.status = this.add
      .text(0, 0, data.error ?? "", textStyle(this, 18, colors.accent, { align: "center" }))
      .setOrigin(0.5, 0);
    this.buttons = [
      this.button("Quick race", () => void this.quickRace()),
      this.button("Race a friend", () => void this.hostRace(), "secondary"),
      this.button("Join with a code", () => this.askCode(), "secondary"),
      this.button("Versus board", () => this.scene.start("Leaderboard", versusBoard), "secondary"),
      this.button("Menu", () => this.scene.start("Menu"), "secondary"),
    ];
    this.cancelButton = this.button("Cancel", () => this.search?.cancel(), "secondary");
    this.cancelButton.setVisible(false);
    this.focus.focus(this.buttons[0] ?? null);
    this.events.once("shutdown", () => {
      this.search?.cancel();
      this.form?.close();
    });
    if (data.quick) void this.quickRace();
  }

  private busy(searching: boolean, status: string) {
    for (const b of this.buttons) b.setVisible(!searching);
    this.cancelButton.setVisible(searching);
    this.focus.focus(searching ? this.cancelButton : (this.buttons[0] ?? null));
    this.status.setText(status);
    this.layout();
  }

  private failed(err: unknown) {
    const message = raceFailureMessage(err);
    this.busy(false, message);
    emitGameEvent(this, "status", { status: "ready", lastError: message });
  }

  private async quickRace() {
    if (this.search) return;
    const search = getNet().quickRace();
    this.search = search;
    this.busy(true, "Looking for other racers…");
    emitGameEvent(this, "status", { status: "loading" });
    try {
      const ticket = await whileRunning(this, search.ticket);
      this.scene.start("Race", { ticket });
    } catch (err) {
      this.search = null;
      if (err instanceof Error && err.name === "RaceSearchCancelled") {
        this.busy(false, "");
        emitGameEvent(this, "status", { status: "ready" });
        return;
      }
      this.failed(err);
    }
  }

  private async hostRace() {
    this.busy(true, "Opening a race…");
    this.cancelButton.setVisible(false);
    try {
      this.toLobby(await whileRunning(this, getNet().hostRace()));
    } catch (err) {
      this.failed(err);
    }
  }

  private askCode() {
    const form = openForm({
      title: "Join a race",
      intro: "Type the code your friend shared.",
      fields: [
        {
          name: "code",
          label: "Race code",
          type: "text",
          autocomplete: "off",
          hint: "10 letters and digits, like ABCDE-FGHJK",
        },
      ],
      actions: [
        {
          label: "Join",
          submit: true,
          onClick: (v) => {
            const code = normalizeRaceCode(v.code ?? "");
            if (!code) {
              form.setError(
                "That isn't a race code: 10 letters and digits, like ABCDE-FGHJK.",
                undefined,
                ["code"],
              );
              return;
            }
            form.setBusy(true);
            whileRunning(this, getNet().joinRace(code)).then(
              (room) => {
                form.close();
                this.toLobby(room);
              },
              (err: unknown) => {
                form.setBusy(false);
                form.setError(raceFailureMessage(err), undefined, ["code"]);
              },
            );
          },
        },
        { label: "Back", kind: "secondary", onClick: () => this.closeForm() },
      ],
    });
    this.form = form;
  }

  private closeForm() {
    this.form?.close();
    this.form = null;
  }

  private toLobby(room: RaceRoom) {
    this.scene.start("RaceLobby", { room });
  }

  protected layout() {
    const s = uiScale(this);
    const x = this.contentX;
    const top = this.placeTop(16, { sideways: 130, upright: 250 }, { at: 28, size: 44 });
    this.intro.setPosition(x, top + 66 * s).setStyle(
      textStyle(this, 18, colors.muted, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    this.status.setPosition(x, this.intro.y + this.intro.height + 12 * s).setStyle(
      textStyle(this, 18, colors.accent, {
        align: "center",
        wordWrap: { width: this.contentWidth },
      }),
    );
    const below = this.status.y + (this.status.text ? this.status.height : 0) + 18 * s;
    this.buttonColumn([...this.buttons, this.cancelButton], below);
  }
}
