import { flameLeftMs, GameRules, type RoundState, SUBUNITS, type Vec } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { SPARK_FRAMES, TEX } from "../../art/textures";
import type { Positions } from "../../play/interpolate";
import { giftKnown } from "../../play/live/prediction";

/** Santa's texture for each look (the player's Santa here, a race's others in racers-view.ts). */
export const LOOK_TEX = {
  idle: TEX.santaIdle,
  left: TEX.santaLeft,
  right: TEX.santaRight,
  frozen: TEX.santaFrozen,
} as const;

/** How high above its place a spawn starts falling (world units), a lead before it lands. */
const FALL = 150;
const SHADOW = 0x5b7ea6;

/** The field's size in world units (the simulation's subunits / SUBUNITS). */
export function worldField(round: RoundState) {
  return { width: round.field.width / SUBUNITS, height: round.field.height / SUBUNITS };
}

/**
 * The field art: snow, Santa, the gift, ice, power-ups and sparks, in one container scaled
 * to fit the area the scene gives it. Positions are world units; `toScreen`/`toWorld` convert.
 */
export class FieldView {
  readonly layer: Phaser.GameObjects.Container;
  private readonly santa: Phaser.GameObjects.Image;
  private readonly aura: Phaser.GameObjects.Image;
  private readonly gift: Phaser.GameObjects.Image;
  /** Where coming spawns land: a ring, filling as they fall (rules version 2's lead). */
  private readonly landing: Phaser.GameObjects.Graphics;
  private readonly ice: Phaser.GameObjects.Image[] = [];
  private readonly powerUps: Phaser.GameObjects.Image[] = [];
  private readonly sparks: Phaser.GameObjects.Particles.ParticleEmitter;
  private scale = 1;
  private origin: Vec = { x: 0, y: 0 };
  /** The field drawn a quarter turn clockwise (a wide field on a tall screen). */
  private turnedBy = false;
  private height = 0;

  constructor(scene: Phaser.Scene, round: RoundState) {
    const add = scene.add;
    this.layer = add.container(0, 0);
    this.layer.add(add.image(0, 0, fieldTexture(scene, round)).setOrigin(0));
    this.landing = add.graphics();
    this.layer.add(this.landing);
    this.gift = add
      .image(0, 0, TEX.gift)
      .setDisplaySize(GameRules.gift.radius * 2.6, GameRules.gift.radius * 2.6);
    this.layer.add(this.gift);
    for (let i = 0; i < GameRules.ice.count; i++) {
      const img = add
        .image(0, 0, TEX.ice)
        .setDisplaySize(GameRules.ice.radius * 2.3, GameRules.ice.radius * 2.3);
      this.ice.push(img);
      this.layer.add(img);
    }
    for (const p of round.powerUps) {
      const img = add
        .image(0, 0, p.kind === "flame" ? TEX.flame : TEX.cookie)
        .setDisplaySize(GameRules.powerUps.radius * 2.6, GameRules.powerUps.radius * 2.6)
        .setVisible(false);
      this.powerUps.push(img);
      this.layer.add(img);
    }
    this.aura = add
      .image(0, 0, TEX.flameAura)
      .setDisplaySize(GameRules.santa.radius * 3.2, GameRules.santa.radius * 3.2)
      .setVisible(false);
    this.layer.add(this.aura);
    this.santa = add
      .image(0, 0, TEX.santaIdle)
      .setDisplaySize(GameRules.santa.radius * 2.7, GameRules.santa.radius * 2.7);
    this.layer.add(this.santa);
    this.sparks = add.particles(0, 0, TEX.spark, {
      speed: { min: 120, max: 320 },
      lifespan: 500,
      scale: { start: 0.9, end: 0 },
      frame: [...SPARK_FRAMES],
      emitting: false,
    });
    this.layer.add(this.sparks);
  }

  /**
   * Fits the field (world size `field`) into the screen rectangle, centred. `turned`: a quarter
   * turn clockwise, so a wide field fills a tall screen (a race's field on a phone held upright);
   * the things on it stay upright, and toScreen/toWorld/worldDirection turn with it.
   */
  fit(field: { width: number; height: number }, area: Rect, turned = false) {
    const w = turned ? field.height : field.width;
    const h = turned ? field.width : field.height;
    this.scale = Math.min(area.width / w, area.height / h);
    this.turnedBy = turned;
    this.height = field.height;
    this.origin = {
      x: area.x + (area.width - w * this.scale) / 2,
      y: area.y + (area.height - h * this.scale) / 2,
    };
    // Turned, the field's left edge lies along the top: its world origin is the top-right corner.
    const at = turned ? { x: this.origin.x + w * this.scale, y: this.origin.y } : this.origin;
    this.layer
      .setPosition(at.x, at.y)
      .setScale(this.scale)
      .setRotation(turned ? Math.PI / 2 : 0);
    const upright = turned ? -Math.PI / 2 : 0;
    for (const child of this.layer.list) {
      // The landing rings are drawn in field coordinates (circles: the same either way).
      if (child !== this.layer.list[0] && child !== this.landing && "setRotation" in child)
        (child as Phaser.GameObjects.Image).setRotation(upright);
    }
  }

  get fieldScale(): number {
    return this.scale;
  }

  get turned(): boolean {
    return this.turnedBy;
  }

  toWorld(p: Vec): Vec {
    const x = (p.x - this.origin.x) / this.scale;
    const y = (p.y - this.origin.y) / this.scale;
    return this.turnedBy ? { x: y, y: this.height - x } : { x, y };
  }

  toScreen(p: Vec): Vec {
    const q = this.turnedBy ? { x: this.height - p.y, y: p.x } : p;
    return { x: this.origin.x + q.x * this.scale, y: this.origin.y + q.y * this.scale };
  }

  /** A direction on the screen (a stick, the arrow keys) as a direction on the field. */
  worldDirection(v: Vec): Vec {
    return this.turnedBy ? { x: v.y, y: -v.x } : v;
  }

  sparksAt(count: number, at: Vec): void {
    this.sparks.explode(count, at.x, at.y);
  }

  /** Draws the round at `at` (interpolated positions). */
  draw(round: RoundState, at: Positions): void {
    const santaTex = LOOK_TEX[round.santa.look];
    if (this.santa.texture.key !== santaTex) this.santa.setTexture(santaTex);
    this.santa.setPosition(at.santa.x, at.santa.y);
    const flame = flameLeftMs(round) > 0;
    this.aura.setVisible(flame).setPosition(at.santa.x, at.santa.y);
    // A live round's next gift is hidden until the server places it; a coming one falls.
    this.landing.clear();
    const lead = Math.max(1, round.spawnLead);
    if (giftKnown(round))
      this.drop(this.gift, at.gift, round.giftAt - round.tick, lead, GameRules.gift.radius);
    else this.gift.setVisible(false);
    this.ice.forEach((img, i) => {
      const b = at.ice[i];
      if (b) img.setPosition(b.x, b.y).setAlpha(flame ? 0.45 : 1);
    });
    this.powerUps.forEach((img, i) => {
      const p = at.powerUps[i];
      const state = round.powerUps[i];
      if (!p || !state) img.setVisible(false);
      else {
        const left = state.state === "coming" ? state.appearAtTick - round.tick : 0;
        this.drop(img, p, left, lead, GameRules.powerUps.radius);
      }
    });
  }

  /**
   * A spawn at `p`, on the field in `left` ticks (≤ 0: there now). While coming it falls from
   * above its place onto a ring that fills as it nears: every player sees where and when it
   * lands from the moment the server tells (rules version 2: "reveal what a player could see").
   */
  private drop(img: Phaser.GameObjects.Image, p: Vec, left: number, lead: number, r: number) {
    img.setVisible(true);
    if (left <= 0) {
      img.setPosition(p.x, p.y).setAlpha(1);
      return;
    }
    const f = Math.max(0, 1 - left / lead);
    this.landing.lineStyle(3, SHADOW, 0.8).strokeCircle(p.x, p.y, r);
    this.landing.fillStyle(SHADOW, 0.3).fillCircle(p.x, p.y, r * (0.25 + 0.75 * f));
    // "Above" is up the screen: the field's −y, or −x when it is drawn turned.
    const d = FALL * (1 - f);
    img
      .setAlpha(0.45 + 0.55 * f)
      .setPosition(this.turnedBy ? p.x - d : p.x, this.turnedBy ? p.y : p.y - d);
  }
}

/** A screen rectangle. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The snowy field, baked once per size into a texture (one quad a frame). */
function fieldTexture(scene: Phaser.Scene, round: RoundState): string {
  const { width, height } = worldField(round);
  const key = `field-${width}x${height}`;
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  g.fillStyle(0xeaf4ff, 1).fillRoundedRect(0, 0, width, height, 24);
  g.fillStyle(0xd4e6fa, 1);
  // snow drifts: a fixed pattern (visual only)
  for (let i = 0; i < 14; i++) {
    const w = 120 + (i % 3) * 50;
    const h = 36 + (i % 2) * 18;
    const x = w / 2 + 12 + ((i * 397) % (width - w - 24));
    const y = h / 2 + 12 + ((i * 263) % (height - h - 24));
    g.fillEllipse(x, y, w, h);
  }
  g.lineStyle(6, 0xffffff, 1).strokeRoundedRect(3, 3, width - 6, height - 6, 22);
  g.generateTexture(key, width, height);
  g.destroy();
  return key;
}
