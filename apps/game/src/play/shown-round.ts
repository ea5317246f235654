import {
  appendInput,
  type InputRuns,
  type RoundEvent,
  type RoundState,
  stepTick,
  type Vec,
} from "@gift-grab/simulation";
import { interpolate, type Positions, positionsOf } from "./interpolate";
import { TickClock } from "./tick-clock";

/**
 * The round on the screen: its state, its positions before the last tick and now (world
 * units, drawn interpolated on the fixed-tick clock), and every tick's input as the server
 * will replay it.
 */
export class ShownRound {
  round!: RoundState;
  prev!: Positions;
  cur!: Positions;
  readonly clock = new TickClock();
  inputs: InputRuns = [];

  constructor(round: RoundState) {
    this.set(round);
  }

  /** A new round: nothing played yet. */
  set(round: RoundState): void {
    this.round = round;
    this.cur = positionsOf(round);
    this.prev = this.cur;
    this.clock.reset();
    this.inputs = [];
  }

  /** Keeps a tick's input. */
  record(dx: number, dy: number): void {
    appendInput(this.inputs, dx, dy);
  }

  /** One tick played here with the input (dx, dy): the round's events. */
  step(dx: number, dy: number): RoundEvent[] {
    this.prev = this.cur;
    this.record(dx, dy);
    const events = stepTick(this.round, dx, dy);
    this.cur = positionsOf(this.round);
    return events;
  }

  /** A live round's frame: the predicted round, Santa where the prediction draws him. */
  follow(round: RoundState, santa: Vec): void {
    this.round = round;
    this.prev = this.cur = { ...positionsOf(round), santa };
  }

  /** Where everything is drawn this frame. */
  at(): Positions {
    return interpolate(this.prev, this.cur, this.clock.alpha);
  }
}
