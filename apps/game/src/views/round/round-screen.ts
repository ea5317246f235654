import type * as Phaser from "phaser";
import { pixelRatio } from "../../config/pixel-ratio";
import { loadSettings } from "../../core/settings";
import type { ShownRound } from "../../play/shown-round";
import type { WatchData } from "../../play/watch";
import { Button } from "../button";
import { FocusGroup } from "../focus";
import { uiScale } from "../theme";
import { FieldView, worldField } from "./field-view";
import { MuteButton } from "./mute-button";
import { PauseMenu } from "./pause-menu";
import { RoundHud } from "./round-hud";
import { RoundInput } from "./round-input";
import { WatchControls } from "./watch-controls";

/** What the round screen's buttons ask of the scene. */
export interface RoundScreenHandlers {
  pause(): void;
  /** Watch's Pause/Play: true when playback is now paused. */
  toggleWatch(): boolean;
}

/**
 * The round screen's views: the field art, the HUD, the player's input (keys, mouse, touch as
 * Settings' Touch says), the pause menu, and the mute and Pause buttons, or Watch's controls
 * when a run is watched; laid out for the scene's size and drawn each frame.
 */
export class RoundScreen {
  readonly field: FieldView;
  readonly hud: RoundHud;
  readonly steer: RoundInput;
  readonly menu: PauseMenu;
  readonly pauseButton: Button;
  readonly mute: MuteButton;
  readonly watch: WatchControls | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly shown: ShownRound,
    watching: WatchData | null,
    on: RoundScreenHandlers,
  ) {
    this.field = new FieldView(scene, shown.round);
    this.hud = new RoundHud(scene);
    this.steer = new RoundInput(scene, this.field, () => shown.round, loadSettings().touch);
    this.menu = new PauseMenu(scene);
    this.pauseButton = new Button(scene, {
      label: "Pause",
      variant: "secondary",
      fontSize: 16,
      onPress: () => on.pause(),
    }).setDepth(60);
    this.mute = new MuteButton(scene);
    new FocusGroup(scene, false, false).add(this.mute.button, this.pauseButton);
    if (watching) {
      this.pauseButton.setVisible(false);
      this.mute.setVisible(false);
      this.watch = new WatchControls(scene, watching, () => on.toggleWatch());
    }
  }

  /**
   * Lays the screen out for the scene's size: the header (score and time, the mute and Pause
   * buttons), the field fitted under it, and Watch's controls at the bottom.
   */
  layout(): void {
    const { scene, field, hud, pauseButton, mute, watch } = this;
    const { width, height } = scene.scale;
    const s = uiScale(scene);
    // A narrow screen stacks score and time on the left, clear of the mute and Pause buttons.
    const stacked = !watch && width / pixelRatio() < 560;
    const hudH = Math.max((stacked ? 76 : 54) * s, (stacked ? 70 : 50) * pixelRatio());
    const pad = 10;
    const controls = watch ? WatchControls.height(scene) : 0;
    field.fit(worldField(this.shown.round), {
      x: pad,
      y: hudH + pad,
      width: width - pad * 2,
      height: height - hudH - controls - pad * 2,
    });
    const pauseW = 84 * s;
    const pauseH = Math.max(38 * s, MuteButton.side(0));
    // Never under a fingertip's 44 CSS px (Button's minimum), and clear of the screen's top.
    const pauseY = Math.max(27 * s, 24 * pixelRatio());
    pauseButton.place(width - 10 - pauseW / 2, pauseY, pauseW, pauseH);
    const muteSide = MuteButton.side(38 * s);
    const muteX = width - 10 - pauseW - 8 - muteSide / 2;
    mute.place(muteX, pauseY, muteSide);
    watch?.layout(width, height, s);
    // Watch has no Pause up there (its controls are below): the header may use the corner.
    const timeRight = watch ? width - 12 : muteX - muteSide / 2 - 12;
    hud.layout(width, height, hudH + pad, timeRight, stacked);
  }

  /** The frame: the field between the last two ticks, the HUD, the input's marks. */
  draw(): void {
    const round = this.shown.round;
    this.field.draw(round, this.shown.at());
    this.hud.show(round, this.watch?.data.title ?? null);
    this.steer.draw();
  }
}
