import * as Phaser from "phaser";
import { TEX } from "../art/textures";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent, type SceneKey } from "../core/game-events";
import { Button, type ButtonOptions } from "./button";
import { FocusGroup } from "./focus";
import { colors, MIN_TAP_CSS, textStyle, uiScale } from "./theme";

/**
 * A menu-like scene: snowy backdrop, a FocusGroup, and `layout()` re-run on every resize.
 * Subclasses create objects in `build` and position them in `layout`.
 */
export abstract class UiScene extends Phaser.Scene {
  protected focus!: FocusGroup;
  private heading: Phaser.GameObjects.Text | null = null;
  private sky!: Phaser.GameObjects.Image;
  private backdrop!: Phaser.GameObjects.Graphics;
  private snow: Phaser.GameObjects.Particles.ParticleEmitter | null = null;

  constructor(readonly sceneKey: SceneKey) {
    super(sceneKey);
  }

  protected abstract build(data: unknown): void;
  protected abstract layout(): void;

  create(data: unknown) {
    emitGameEvent(this, "screen", { scene: this.sceneKey, status: "ready" });
    this.focus = new FocusGroup(this);
    this.sky = this.add.image(0, 0, TEX.sky).setOrigin(0).setDepth(-11);
    this.backdrop = this.add.graphics().setDepth(-10);
    this.snow = this.add
      .particles(0, 0, TEX.flake, {
        x: { min: 0, max: this.scale.width },
        y: -10,
        lifespan: 9000,
        speedY: { min: 30, max: 80 },
        speedX: { min: -15, max: 15 },
        scale: { min: 0.2, max: 0.6 },
        alpha: { min: 0.4, max: 0.9 },
        frequency: 180,
      })
      .setDepth(-9);
    this.build(data);
    this.relayout();
    this.snow.fastForward(8000); // the sky is already snowing when the screen appears
    const onResize = () => this.relayout();
    this.scale.on("resize", onResize);
    this.events.once("shutdown", () => this.scale.off("resize", onResize));
  }

  protected button(
    label: string,
    onPress: () => void,
    variant: ButtonOptions["variant"] = "primary",
    fontSize?: number,
  ): Button {
    const b = new Button(this, { label, onPress, variant, fontSize });
    this.focus.add(b);
    return b;
  }

  /** The screen's heading; `placeTitle` positions and sizes it in `layout`. */
  protected title(text: string): void {
    this.heading = this.add
      .text(0, 0, text, titleStyle(this, 40))
      .setOrigin(0.5)
      .setShadow(0, 3, "#000000", 6);
  }

  /** Places the heading; `visible: false` gives its room to something that says as much. */
  protected placeTitle(y: number, fontSize: number, visible = true): void {
    this.heading
      ?.setPosition(this.contentX, y)
      .setStyle(titleStyle(this, fontSize))
      .setVisible(visible);
  }

  /**
   * A centred screen's top: `above.sideways` or `above.upright` (scaled) above the middle, at
   * least `min` from the screen's edge; the title goes `title.at` (scaled) below it, `title.size`
   * big. Answers the top.
   */
  protected placeTop(
    min: number,
    above: { sideways: number; upright: number },
    title: { at: number; size: number },
  ): number {
    const s = uiScale(this);
    const top = Math.max(
      min,
      this.scale.height * 0.5 - (this.sideways ? above.sideways : above.upright) * s,
    );
    this.placeTitle(top + title.at * s, title.size);
    return top;
  }

  /** A wide, short screen (a phone turned sideways): content left, buttons in a column right. */
  protected get sideways(): boolean {
    const { width, height } = this.scale;
    return height / pixelRatio() < 560 && width >= height * 1.3;
  }

  /** Where content centres: the middle of the screen, or of its left part when sideways. */
  protected get contentX(): number {
    return this.scale.width * (this.sideways ? 0.3 : 0.5);
  }

  /** How wide content may be. */
  protected get contentWidth(): number {
    return this.sideways ? this.scale.width * 0.56 : this.scale.width - 40;
  }

  /**
   * The screen's buttons: stacked under the content from y, or, sideways, in a column on the
   * right, centred. Either way they shrink (to no less than a fingertip, MIN_TAP_CSS) to stay on screen.
   */
  protected buttonColumn(buttons: Button[], y: number, gap = 14): number {
    const { width, height } = this.scale;
    if (!this.sideways) return this.column(buttons, width / 2, y, gap);
    const s = uiScale(this);
    const w = Math.min(width * 0.38, 320 * s);
    const shown = buttons.filter((b) => b.zone.visible);
    const h = this.buttonHeight(shown.length, height - 16, gap);
    const total = shown.length * h + (shown.length - 1) * gap * s;
    return this.column(buttons, width * 0.78, Math.max(8, (height - total) / 2), gap, w);
  }

  /** Stacks buttons in a column centred on x, starting at y; returns the y below the last. */
  protected column(
    buttons: Button[],
    x: number,
    y: number,
    gap = 14,
    width = Math.min(this.scale.width - 40, 320 * uiScale(this)),
  ): number {
    const s = uiScale(this);
    const shown = buttons.filter((b) => b.zone.visible);
    const h = this.buttonHeight(shown.length, this.scale.height - 8 - y, gap);
    let top = y;
    for (const b of shown) {
      b.place(x, top + h / 2, width, h);
      top += h + gap * s;
    }
    return top;
  }

  /** 52 px at ui scale, less when `n` of them (with gaps) would not fit in `room`. */
  private buttonHeight(n: number, room: number, gap: number): number {
    const s = uiScale(this);
    if (n === 0) return 52 * s;
    const fit = (room - (n - 1) * gap * s) / n;
    return Math.max(MIN_TAP_CSS * pixelRatio(), Math.min(52 * s, fit));
  }

  private relayout() {
    const { width, height } = this.scale;
    this.sky.setDisplaySize(width, height);
    const g = this.backdrop.clear();
    g.fillStyle(0xeaf4ff, 1);
    g.fillEllipse(width * 0.25, height + height * 0.02, width * 0.9, height * 0.22, 96);
    g.fillEllipse(width * 0.8, height + height * 0.04, width * 0.9, height * 0.26, 96);
    this.snow?.setConfig({
      x: { min: 0, max: width },
      y: -10,
      lifespan: (height / 40) * 1000,
      speedY: { min: 30, max: 80 },
      speedX: { min: -15, max: 15 },
      scale: { min: 0.2, max: 0.6 },
      alpha: { min: 0.4, max: 0.9 },
      frequency: Math.max(60, 180 * (800 / Math.max(width, 400))),
    });
    this.layout();
  }
}

function titleStyle(scene: Phaser.Scene, fontSize: number) {
  return textStyle(scene, fontSize, colors.accent, { fontStyle: "bold" });
}
