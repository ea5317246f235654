import type * as Phaser from "phaser";
import { TEX } from "../art/textures";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { unreachableMessage } from "../net/messages";
import type { Button } from "../views/button";
import { playRound } from "../views/play-round";
import { colors, textStyle, uiScale } from "../views/theme";
import { showToast } from "../views/toast";
import { UiScene } from "../views/ui-scene";
import { openRace } from "./open-race";
import { openRound, prefetchRound } from "./open-round";

/** Play, Race, Leaderboard, Account, Settings. */
export class MenuScene extends UiScene {
  private hello!: Phaser.GameObjects.Text;
  private mascot!: Phaser.GameObjects.Image;
  private buttons: Button[] = [];

  constructor() {
    super("Menu");
  }

  protected build() {
    this.title("Gift Grab");
    const who = getNet().session();
    this.hello = this.add
      .text(
        0,
        0,
        who ? `Hi, ${who.displayName ?? who.username}!` : "",
        textStyle(this, 18, colors.muted),
      )
      .setOrigin(0.5);
    this.mascot = this.add.image(0, 0, TEX.santaIdle);
    this.buttons = [
      this.button("Play", () => void playRound(this, openRound)),
      this.button("Race", () => void this.race(), "secondary"),
      this.button("Leaderboard", () => this.scene.start("Leaderboard"), "secondary"),
      this.button("Account", () => this.scene.start("Account"), "secondary"),
      this.button("Settings", () => this.scene.start("Settings"), "secondary"),
    ];
    this.focus.focus(this.buttons[0] ?? null);
    prefetchRound(this);
  }

  private async race() {
    try {
      await whileRunning(this, openRace(this, "RaceMenu"));
    } catch {
      showToast(this, unreachableMessage);
    }
  }

  protected layout() {
    const s = uiScale(this);
    const x = this.contentX;
    const top = this.placeTop(20, { sideways: 120, upright: 300 }, { at: 30, size: 44 });
    this.mascot.setPosition(x, top + 125 * s).setScale(s);
    this.hello.setPosition(x, top + 210 * s).setStyle(textStyle(this, 18, colors.muted));
    this.buttonColumn(this.buttons, top + 245 * s);
  }
}
