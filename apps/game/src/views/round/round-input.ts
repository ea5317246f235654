import type { Vec } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { TEX } from "../../art/textures";
import { keyboardDirection, type MoveInput, towardTarget } from "../../play/input";
import { type Stick, TouchSteer } from "../../play/touch-steer";
import { uiScale } from "../theme";

type Keys = Record<
  "W" | "A" | "S" | "D" | "UP" | "DOWN" | "LEFT" | "RIGHT",
  Phaser.Input.Keyboard.Key
>;

/**
 * The player's steering: a touch anywhere (TouchSteer: tap to go there, drag for a floating
 * stick drawn translucent under the thumb), a mouse held down (Santa heads for it), or the
 * arrows / WASD. Read once per tick by the scene; `enabled` is false outside play.
 */
export class RoundInput {
  enabled = false;
  private readonly keys: Keys | undefined;
  private readonly touch: TouchSteer;
  private mouse: { pointerId: number; target: Vec } | null = null;
  private readonly base: Phaser.GameObjects.Image;
  private readonly knob: Phaser.GameObjects.Image;

  constructor(
    scene: Phaser.Scene,
    /** Screen → field (world units). */
    private readonly toWorld: (p: Vec) => Vec,
  ) {
    this.touch = new TouchSteer(() => {
      const s = uiScale(scene);
      return { radius: 60 * s, deadZone: 10 * s };
    });
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
    this.mouse = null;
  }

  /** The direction to steer Santa (at `santa`, world units) this tick. */
  direction(santa: Vec): MoveInput {
    const touch = this.touch.direction(santa);
    if (touch) return touch;
    if (this.mouse) return towardTarget(santa, this.mouse.target);
    const k = this.keys;
    return keyboardDirection({
      left: !!(k?.LEFT.isDown || k?.A.isDown),
      right: !!(k?.RIGHT.isDown || k?.D.isDown),
      up: !!(k?.UP.isDown || k?.W.isDown),
      down: !!(k?.DOWN.isDown || k?.S.isDown),
    });
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

  private down(p: Phaser.Input.Pointer) {
    if (!this.enabled) return;
    if (p.wasTouch) this.touch.down(p.id, { x: p.x, y: p.y }, this.toWorld(p));
    else this.mouse = { pointerId: p.id, target: this.toWorld(p) };
  }

  private move(p: Phaser.Input.Pointer) {
    if (p.wasTouch) this.touch.move(p.id, { x: p.x, y: p.y });
    else if (this.mouse?.pointerId === p.id && p.isDown) this.mouse.target = this.toWorld(p);
  }

  private up(p: Phaser.Input.Pointer) {
    if (p.wasTouch) this.touch.up(p.id);
    else if (this.mouse?.pointerId === p.id) this.mouse = null;
  }
}
