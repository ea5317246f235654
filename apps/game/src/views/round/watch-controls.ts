import type * as Phaser from "phaser";
import { pixelRatio } from "../../config/pixel-ratio";
import { WATCH_SPEEDS, type WatchData } from "../../play/watch";
import { Button } from "../button";
import { FocusGroup } from "../focus";
import { shareRace } from "../share-race";
import { shareRun } from "../share-run";
import { uiScale } from "../theme";

/** What Share shares: a run on the board, or a finished race (by its match id). */
export type WatchShare = NonNullable<WatchData["share"]> | { raceId: string };

/** What the controls need of a Watch: where Back goes, and what Share shares (if anything). */
export interface WatchControlsData {
  back: WatchData["back"];
  share?: WatchShare;
}

/**
 * Watch's controls: Pause/Play, 1×/2×/4×, Share (a run on the board, a race) and Back, in a row
 * under the field. A run's Watch (round.ts) and a race's (race-watch.ts) both use them.
 */
export class WatchControls<D extends WatchControlsData = WatchData> {
  readonly data: D;
  /** The playback speed chosen (the scene multiplies game time by it). */
  speed = 1;
  private readonly toggle: Button;
  private readonly buttons: Button[];

  constructor(
    private readonly scene: Phaser.Scene,
    data: D,
    /** Pause or play; returns true when the playback is now paused. */
    onToggle: () => boolean,
  ) {
    this.data = data;
    const focus = new FocusGroup(scene, false, false);
    this.toggle = new Button(scene, {
      label: "Pause",
      variant: "secondary",
      fontSize: 16,
      onPress: () => this.toggle.setLabel(onToggle() ? "Play" : "Pause"),
    });
    const speeds = WATCH_SPEEDS.map(
      (k) =>
        new Button(scene, {
          label: `${k}×`,
          variant: k === 1 ? "primary" : "secondary",
          fontSize: 16,
          onPress: () => {
            this.speed = k;
            speeds.forEach((b, i) => {
              b.setVariant(WATCH_SPEEDS[i] === k ? "primary" : "secondary");
            });
          },
        }),
    );
    const back = new Button(scene, {
      label: "Back",
      variant: "secondary",
      fontSize: 16,
      onPress: () => scene.scene.start(data.back.scene, data.back.data),
    });
    const { share } = data;
    const shareButton = share
      ? [
          new Button(scene, {
            label: "Share",
            variant: "secondary",
            fontSize: 16,
            onPress: () =>
              void ("raceId" in share
                ? shareRace(scene, share.raceId)
                : shareRun(scene, share, share.name)),
          }),
        ]
      : [];
    this.buttons = [this.toggle, ...speeds, ...shareButton, back];
    for (const b of this.buttons) {
      b.setDepth(60);
      focus.add(b);
    }
  }

  /** Pause/Play, as the keyboard's Esc or a hidden tab asks. */
  pressToggle(): void {
    this.toggle.press();
  }

  ended(): void {
    this.toggle.setEnabled(false);
  }

  /** The row's height, in screen units, for the scene to keep the field above it. */
  static height(scene: Phaser.Scene): number {
    // Room for a fingertip's button (44 CSS px) and a margin.
    return Math.max(56 * uiScale(scene), 54 * pixelRatio());
  }

  layout(width: number, height: number, s: number): void {
    const n = this.buttons.length;
    const bw = Math.min(96 * s, (width - 20) / n - 8);
    const y = height - WatchControls.height(this.scene) / 2;
    const left = width / 2 - ((bw + 8) * n - 8) / 2;
    this.buttons.forEach((b, i) => {
      b.place(left + i * (bw + 8) + bw / 2, y, bw, 40 * s);
    });
  }
}
