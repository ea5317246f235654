import {
  bounce,
  type Mover,
  type Orientation,
  type RoundState,
  SUBUNITS,
  ticksToMs,
} from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { TEX } from "../src/art/textures";
import type { RoundTuning } from "../src/core/launch-options";
import type { MoveInput } from "../src/play/input";
import { type RoundData, RoundScene } from "../src/scenes/round";
import { worldField } from "../src/views/round/field-view";
import type { RoundSight } from "../src/views/round/round-sight";
import { BENCH_SCENE } from "./url-options";

/** An hour: the bench round never ends while it is measured. */
const BENCH_ROUND_MS = 3_600_000;

/**
 * The bench round (`?bench=N`, test build only): a round with no server and no countdown, N
 * extra sprites bouncing around the field by the simulation's own bounce, and Santa walking in
 * circles, so the frame is never static. Boot starts it instead of sign-in.
 */
export class BenchScene extends RoundScene {
  private movers: { body: Mover; img: Phaser.GameObjects.Image }[] = [];
  private count = 0;

  constructor() {
    super(BENCH_SCENE);
  }

  override create(data?: RoundData & { count?: number }) {
    this.count = data?.count ?? 0;
    this.movers = [];
    super.create();
  }

  protected override play(orientation: Orientation, tuning: RoundTuning): void {
    this.begin(tuning.seed ?? 1, BENCH_ROUND_MS, orientation, 0);
    const field = worldField(this.round);
    const keys = [TEX.gift, TEX.ice, TEX.flame, TEX.cookie];
    const n = this.count;
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
      const img = this.add
        .image(body.x / SUBUNITS, body.y / SUBUNITS, keys[i % keys.length] ?? TEX.gift)
        .setDisplaySize(72, 72);
      this.field.layer.add(img);
      this.movers.push({ body, img });
    }
  }

  /** Santa's input for this tick: circles. */
  protected override steerInput(): MoveInput {
    const t = ticksToMs(this.round.tick) / 1000;
    return { x: Math.cos(t), y: Math.sin(t) };
  }

  protected override afterTick(): void {
    const round: RoundState = this.round;
    for (const m of this.movers) bounce(m.body, round.field);
  }

  protected override afterDraw(): void {
    for (const m of this.movers) m.img.setPosition(m.body.x / SUBUNITS, m.body.y / SUBUNITS);
  }

  protected override sight(): RoundSight {
    return { ...super.sight(), bench: this.count };
  }
}
