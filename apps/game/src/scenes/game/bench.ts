import { bounce, type Mover, type RoundState, SUBUNITS, ticksToMs } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { TEX } from "../../art/textures";
import type { MoveInput } from "../../game/input";
import { worldField } from "./field-view";

/**
 * Benchmark mode (`?bench=N`): N extra sprites bouncing around the field by the simulation's
 * own bounce, and Santa walking in circles, so the frame is never static.
 */
export class BenchMovers {
  private readonly movers: { body: Mover; img: Phaser.GameObjects.Image }[] = [];

  constructor(
    scene: Phaser.Scene,
    layer: Phaser.GameObjects.Container,
    round: RoundState,
    readonly count: number,
  ) {
    const n = count;
    const field = worldField(round);
    const keys = [TEX.gift, TEX.ice, TEX.flame, TEX.cookie];
    for (let i = 0; i < n; i++) {
      const a = (i / n) * Math.PI * 2 + i;
      // in the simulation's units (subunits, per tick), moved by its bounce
      const body: Mover = {
        x: (60 + ((i * 137) % (field.width - 120))) * SUBUNITS,
        y: (60 + ((i * 89) % (field.height - 120))) * SUBUNITS,
        vx: Math.round((Math.cos(a) * 240 * SUBUNITS) / 60),
        vy: Math.round((Math.sin(a) * 240 * SUBUNITS) / 60),
        r: 30 * SUBUNITS,
      };
      const img = scene.add
        .image(body.x / SUBUNITS, body.y / SUBUNITS, keys[i % keys.length] ?? TEX.gift)
        .setDisplaySize(72, 72);
      layer.add(img);
      this.movers.push({ body, img });
    }
  }

  /** Santa's input for this tick: circles. */
  static input(round: RoundState): MoveInput {
    const t = ticksToMs(round.tick) / 1000;
    return { x: Math.cos(t), y: Math.sin(t) };
  }

  tick(round: RoundState): void {
    for (const m of this.movers) bounce(m.body, round.field);
  }

  draw(): void {
    for (const m of this.movers) m.img.setPosition(m.body.x / SUBUNITS, m.body.y / SUBUNITS);
  }
}
