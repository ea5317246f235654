import type * as Phaser from "phaser";
import { playSfx } from "../audio/sfx";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { loadSettings, type Settings, saveSettings } from "../core/settings";
import type { Button } from "../views/button";
import { textStyle, uiScale } from "../views/theme";
import { UiScene } from "../views/ui-scene";

/** Sound on/off, music on/off, touch steering, Play again's count and volume, saved in localStorage. */
export class SettingsScene extends UiScene {
  private volumeText!: Phaser.GameObjects.Text;
  private soundButton!: Button;
  private musicButton!: Button;
  private touchButton!: Button;
  private restartButton!: Button;
  private buttons: Button[] = [];

  constructor() {
    super("Settings");
  }

  protected build() {
    this.title("Settings");
    this.volumeText = this.add.text(0, 0, "", textStyle(this, 20)).setOrigin(0.5);
    this.soundButton = this.button("", () => this.change({ sound: !loadSettings().sound }));
    this.musicButton = this.button("", () => this.change({ music: !loadSettings().music }));
    this.touchButton = this.button("", () =>
      this.change({ touch: loadSettings().touch === "follow" ? "stick" : "follow" }),
    );
    this.restartButton = this.button("", () =>
      this.change({ quickRestart: !loadSettings().quickRestart }),
    );
    this.buttons = [
      this.soundButton,
      this.musicButton,
      this.touchButton,
      this.restartButton,
      this.button(
        "Volume −",
        () => this.change({ volume: loadSettings().volume - 0.1 }),
        "secondary",
      ),
      this.button(
        "Volume +",
        () => this.change({ volume: loadSettings().volume + 0.1 }),
        "secondary",
      ),
      this.button("Back", () => this.scene.start("Menu"), "secondary"),
    ];
    this.focus.focus(this.soundButton);
    inspectable(this, "settings", loadSettings);
    this.render();
  }

  protected layout() {
    const s = uiScale(this);
    const top = this.placeTop(20, { sideways: 70, upright: 220 }, { at: 30, size: 38 });
    this.volumeText.setPosition(this.contentX, top + 90 * s).setStyle(textStyle(this, 20));
    this.buttonColumn(this.buttons, top + 130 * s);
  }

  private change(patch: Partial<Settings>) {
    emitGameEvent(this, "settings", saveSettings({ ...loadSettings(), ...patch }));
    this.render();
    playSfx(this, "click");
  }

  private render() {
    const s = loadSettings();
    this.soundButton.setLabel(s.sound ? "Sound: On" : "Sound: Off");
    this.musicButton.setLabel(s.music ? "Music: On" : "Music: Off");
    this.touchButton.setLabel(s.touch === "follow" ? "Touch: Follow finger" : "Touch: Stick");
    this.restartButton.setLabel(s.quickRestart ? "Play again: Quick" : "Play again: 3-2-1");
    this.volumeText.setText(`Volume: ${Math.round(s.volume * 100)}%`);
  }
}
