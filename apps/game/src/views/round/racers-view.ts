import type { StartPlayer } from "@gift-grab/contracts";
import { GameRules, type RoundState, racer, type Vec } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { TEX } from "../../art/textures";
import { colors, textStyle } from "../theme";
import { type FieldView, LOOK_TEX, worldField } from "./field-view";
import { racerName } from "./standings";
import { type TagBox, tagUnder, unstack } from "./tag-stack";

/** Each seat's name tag colour (the player's own tag is the accent, "You"). */
const SEAT_COLORS = ["#2563eb", "#b91c1c", "#047857", "#7c3aed"] as const;

/** A seat's colour, as its name tag and the standings show it. */
export function seatColor(seat: number): string {
  return SEAT_COLORS[seat % SEAT_COLORS.length] as string;
}

/**
 * A race's other Santas on the field (the player's own is FieldView's), and a name tag over
 * every Santa: the other players' names (a bot says so), "You" over the player's. The tags are
 * drawn on the screen, not in the field's scaled layer, so they stay readable on a phone.
 */
export class RacersView {
  private readonly santas: Phaser.GameObjects.Image[] = [];
  private readonly tags: Phaser.GameObjects.Text[] = [];
  private shownBoxes: TagBox[] = [];
  /** By seat: the tag stands under its Santa (tagUnder). */
  private readonly under: boolean[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly field: FieldView,
    private readonly seat: number,
    seats: number,
    /** False for a watcher who raced in none: `seat`'s Santa is the field's, its tag a name. */
    private readonly you = true,
  ) {
    const size = GameRules.santa.radius * 2.7;
    for (let i = 0; i < seats; i++) {
      const img = scene.add.image(0, 0, TEX.santaIdle).setDisplaySize(size, size).setAlpha(0.9);
      // Under the player's own Santa (FieldView adds it earlier: move these below it).
      field.layer.addAt(img, 1);
      img.setVisible(i !== seat);
      this.santas.push(img);
      this.tags.push(scene.add.text(0, 0, "").setOrigin(0.5, 1).setDepth(30));
    }
  }

  /** The names by seat (START's players; a bot's seat says so). */
  name(players: readonly StartPlayer[]): void {
    for (let i = 0; i < this.tags.length; i++) {
      const p = players[i];
      const text = i === this.seat && this.you ? "You" : racerName(p, i);
      const tag = this.tags[i] as Phaser.GameObjects.Text;
      tag
        .setText(text)
        .setStyle(
          textStyle(this.scene, 13, colors.text, {
            fontStyle: "bold",
            backgroundColor: i === this.seat && this.you ? "#8a5a00" : seatColor(i),
          }),
        )
        .setPadding(6, 2, 6, 2);
    }
  }

  /** Draws each other Santa at `shown(seat)` (world units), and every tag over its Santa. */
  draw(round: RoundState, shown: (seat: number) => Vec): void {
    const lift = GameRules.santa.radius * 1.35;
    const boxes: TagBox[] = [];
    const size = worldField(round);
    const a = this.field.toScreen({ x: 0, y: 0 });
    const b = this.field.toScreen({ x: size.width, y: size.height });
    const left = Math.min(a.x, b.x);
    const right = Math.max(a.x, b.x);
    const top = Math.min(a.y, b.y);
    for (let i = 0; i < this.santas.length; i++) {
      const at = shown(i);
      if (i !== this.seat) {
        const img = this.santas[i] as Phaser.GameObjects.Image;
        const tex = LOOK_TEX[racer(round, i).look];
        if (img.texture.key !== tex) img.setTexture(tex);
        img.setPosition(at.x, at.y);
      }
      // Over the Santa on the screen, however the field is turned.
      const centre = this.field.toScreen(at);
      const tag = this.tags[i] as Phaser.GameObjects.Text;
      // Kept over the field when its Santa is at an edge: beside it are the standings.
      const half = tag.width / 2 + 2;
      const x = Math.min(Math.max(centre.x, left + half), right - half);
      // Under a Santa at the field's top edge: above him it would cover the header's score
      // and time.
      const over = centre.y - lift * this.field.fieldScale;
      const under = centre.y + lift * this.field.fieldScale + tag.height;
      this.under[i] = tagUnder(this.under[i] ?? false, over - tag.height, top, tag.height / 2);
      boxes.push({
        x,
        bottom: this.under[i] ? under : over,
        width: tag.width,
        height: tag.height,
      });
    }
    unstack(boxes, top);
    this.shownBoxes = boxes;
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i] as TagBox;
      (this.tags[i] as Phaser.GameObjects.Text).setPosition(
        box.x,
        Math.max(box.bottom, box.height + 2),
      );
    }
  }

  /** Where each seat's tag is on the screen, canvas pixels (its top left corner and size). */
  get tagBoxes(): { x: number; y: number; width: number; height: number }[] {
    return this.shownBoxes.map((b, i) => {
      const tag = this.tags[i] as Phaser.GameObjects.Text;
      return { x: tag.x - b.width / 2, y: tag.y - b.height, width: b.width, height: b.height };
    });
  }
}
