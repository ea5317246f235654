import { type RoundState, SUBUNITS, type Vec } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { TEX } from "../../art/textures";
import { pixelRatio } from "../../config/pixel-ratio";
import type { TouchSteering } from "../../core/settings";
import { DragFollow, santaStep } from "../../play/drag-follow";
import { keyboardDirection, type MoveInput, towardTarget } from "../../play/input";
import { type Stick, TouchSteer } from "../../play/touch-steer";
import { uiScale } from "../theme";
import type { FieldView } from "./field-view";

type Keys = Record<
  "W" | "A" | "S" | "D" | "UP" | "DOWN" | "LEFT" | "RIGHT",
  Phaser.Input.Keyboard.Key
>;

/** A picked-up Santa stands this far above the finger, in CSS pixels: clear of a fingertip. */
const LIFT_CSS_PX = 56;
/** A finger this close to Santa's edge, in CSS pixels, lands on him. */
const GRAB_CSS_PX = 24;

/**
 * The player's steering: a touch anywhere (Settings' Touch: DragFollow, Santa follows the
 * finger's movement; or TouchSteer, tap to go there, drag for a floating stick drawn
 * translucent under the thumb), a mouse held down (Santa heads for it), or the arrows / WASD.
 * Read once per tick by the scene; `enabled` is false outside play.
 */
export class RoundInput {
  enabled = false;
  private readonly keys: Keys | undefined;
  private readonly touch: TouchSteer;
  private readonly follow: DragFollow | null;
  private mouse: { pointerId: number; target: Vec } | null = null;
  private readonly base: Phaser.GameObjects.Image;
  private readonly knob: Phaser.GameObjects.Image;

  constructor(
    scene: Phaser.Scene,
    private readonly field: FieldView,
    private readonly round: () => RoundState,
    style: TouchSteering,
  ) {
    this.touch = new TouchSteer(() => {
      const s = uiScale(scene);
      return { radius: 60 * s, deadZone: 10 * s };
    });
    this.follow =
      style === "follow"
        ? new DragFollow(() => {
            // CSS pixels → world units: the canvas draws pixelRatio() pixels a CSS pixel.
            const css = pixelRatio() / field.fieldScale;
            const r = this.round();
            const radius = r.santa.r / SUBUNITS;
            return {
              grab: radius + GRAB_CSS_PX * css,
              lift: LIFT_CSS_PX * css,
              deadZone: 8 * css,
              bounds: {
                minX: radius,
                minY: radius,
                maxX: r.field.width / SUBUNITS - radius,
                maxY: r.field.height / SUBUNITS - radius,
              },
            };
          })
        : null;
    this.keys = scene.input.keyboard?.addKeys("W,A,S,D,UP,DOWN,LEFT,RIGHT", false) as
      | Keys
      | undefined;
    // Drawn only while a thumb drags it, translucent, so gifts under it stay visible.
    this.base = scene.add.image(0, 0, TEX.joyBase).setAlpha(0.45).setVisible(false).setDepth(50);
    this.knob = scene.add.image(0, 0, TEX.joyKnob).setAlpha(0.55).setVisible(false).setDepth(51);
    scene.input.on("pointerdown", this.down, this);
    scene.input.on("pointermove", this.move, this);
    scene.input.on("pointerup", this.up, this);
    scene.input.on("pointerupoutside", this.up, this);
  }

  /** Forgets every press (pause, round over): nothing steers until a new one. */
  release(): void {
    this.touch.release();
    this.follow?.release();
    this.mouse = null;
  }

  /** The direction to steer Santa (at `santa`, world units) this tick. */
  direction(santa: Vec): MoveInput {
    const follow = this.follow?.direction(santa, santaStep(this.round()));
    if (follow) return follow;
    const touch = this.touch.direction(santa);
    // A stick pushes on the screen; a tap's target is already on the field.
    if (touch) return this.touch.stick() ? this.field.worldDirection(touch) : touch;
    if (this.mouse) return towardTarget(santa, this.mouse.target);
    const k = this.keys;
    return this.field.worldDirection(
      keyboardDirection({
        left: !!(k?.LEFT.isDown || k?.A.isDown),
        right: !!(k?.RIGHT.isDown || k?.D.isDown),
        up: !!(k?.UP.isDown || k?.W.isDown),
        down: !!(k?.DOWN.isDown || k?.S.isDown),
      }),
    );
  }

  /** Where a finger has Santa heading (world units), when he follows one. */
  aim(): Vec | null {
    return this.follow?.aim() ?? null;
  }

  /** The floating stick while a thumb drags it (screen units). */
  stick(): Stick | null {
    return this.touch.stick();
  }

  draw(): void {
    const stick = this.touch.stick();
    this.base.setVisible(stick !== null);
    this.knob.setVisible(stick !== null);
    if (!stick) return;
    const size = stick.radius * 2;
    this.base.setPosition(stick.base.x, stick.base.y).setDisplaySize(size, size);
    const dx = stick.knob.x - stick.base.x;
    const dy = stick.knob.y - stick.base.y;
    const k = Math.min(1, stick.radius / Math.max(1, Math.hypot(dx, dy)));
    this.knob
      .setPosition(stick.base.x + dx * k, stick.base.y + dy * k)
      .setDisplaySize(size * 0.5, size * 0.5);
  }

  private santaAt(): Vec {
    const { santa } = this.round();
    return { x: santa.x / SUBUNITS, y: santa.y / SUBUNITS };
  }

  private down(p: Phaser.Input.Pointer) {
    if (!this.enabled) return;
    const world = this.field.toWorld(p);
    if (!p.wasTouch) this.mouse = { pointerId: p.id, target: world };
    else if (this.follow) this.follow.down(p.id, world, this.santaAt());
    else this.touch.down(p.id, { x: p.x, y: p.y }, world);
  }

  private move(p: Phaser.Input.Pointer) {
    if (!p.wasTouch) {
      if (this.mouse?.pointerId === p.id && p.isDown) this.mouse.target = this.field.toWorld(p);
    } else if (this.follow) this.follow.move(p.id, this.field.toWorld(p));
    else this.touch.move(p.id, { x: p.x, y: p.y });
  }

  private up(p: Phaser.Input.Pointer) {
    if (!p.wasTouch) {
      if (this.mouse?.pointerId === p.id) this.mouse = null;
    } else if (this.follow) this.follow.up(p.id);
    else this.touch.up(p.id);
  }
}
