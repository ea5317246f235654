import type { StartPlayer } from "@gift-grab/contracts";
import { type RoundEvent, racer, SUBUNITS, type Vec } from "@gift-grab/simulation";
import * as Phaser from "phaser";
import { playSfx } from "../audio/sfx";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import type { RaceTicket } from "../net/types";
import { interpolate, type Positions, positionsOf } from "../play/interpolate";
import { seatView } from "../play/live/prediction";
import { RaceReplay, type RaceWatchData, racersOf } from "../play/race-watch";
import { TickClock } from "../play/tick-clock";
import { onKeyDown } from "../views/keys";
import { FieldView, worldField } from "../views/round/field-view";
import { raceHeader, raceLayout } from "../views/round/race-layout";
import { RacersView } from "../views/round/racers-view";
import { showRaceEvent } from "../views/round/round-effects";
import { RoundHud } from "../views/round/round-hud";
import { racerNames, StandingsView, standingsOf } from "../views/round/standings";
import { WatchControls } from "../views/round/watch-controls";

export interface RaceWatchSceneData extends RaceWatchData {
  /**
   * A friend race's finished match, still joined: a REMATCH on it goes back to the
   * results (`back`) with `rematch` set, which join it. Null for a quick race.
   */
  rematchFrom: RaceTicket["match"] | null;
}

const WORDS = { title: "Race replay" } as const;

/**
 * Watch of a finished race with every Santa (race_get's record, played again by RaceReplay:
 * the simulation's race rules on each seat's stored inputs): the race's wide field (turned on
 * a phone held upright), every Santa with its name tag, the live standings, and the solo
 * Watch's controls (Pause/Play, 1×/2×/4×, Back to the results). It ends on the record's scores.
 * In a friend race a REMATCH from the host still takes the player to it, through the results.
 */
export class RaceWatchScene extends Phaser.Scene {
  private replay!: RaceReplay;
  private watch!: RaceWatchSceneData;
  private players: StartPlayer[] = [];
  private readonly clock = new TickClock();
  private phase: "playing" | "paused" | "over" = "playing";
  /** Every seat's place before the last tick and now (world units): drawn interpolated. */
  private prev: Vec[] = [];
  private cur: Vec[] = [];
  private prevField!: Positions;
  private curField!: Positions;

  private field!: FieldView;
  private racers!: RacersView;
  private hud!: RoundHud;
  private standings!: StandingsView;
  private controls!: WatchControls<RaceWatchData>;
  /** Whose Santa is the field's own: the watcher's, or the first seat's for a spectator. */
  private fieldSeat = 0;

  constructor() {
    super("RaceWatch");
  }

  create(data: RaceWatchSceneData) {
    this.watch = data;
    this.fieldSeat = Math.max(0, data.seat);
    this.replay = new RaceReplay(data.race);
    this.players = racersOf(data.race);
    this.phase = "playing";
    this.clock.reset();
    this.keep();
    this.prev = this.cur;
    this.prevField = this.curField;
    emitGameEvent(this, "screen", { scene: "RaceWatch", status: "playing" });

    this.field = new FieldView(this, this.view());
    this.racers = new RacersView(
      this,
      this.field,
      this.fieldSeat,
      this.players.length,
      data.seat >= 0,
    );
    this.racers.name(this.players);
    this.hud = new RoundHud(this);
    this.hud.say(null);
    this.standings = new StandingsView(this);
    this.controls = new WatchControls(this, data, () => this.toggle());

    onKeyDown(this, (event) => {
      if (event.repeat || (event.key !== "Escape" && event.key.toLowerCase() !== "p")) return;
      event.preventDefault();
      this.controls.pressToggle();
    });
    const onHidden = () => {
      if (this.phase === "playing") this.controls.pressToggle();
    };
    this.game.events.on(Phaser.Core.Events.HIDDEN, onHidden);
    const onResize = () => this.layout();
    this.scale.on("resize", onResize);
    // A friend race's rematch: the results join it (they would have, had the player stayed).
    const offRematch =
      data.rematchFrom?.events.on("rematch", (matchId) =>
        this.scene.start(data.back.scene, { ...data.back.data, rematch: matchId }),
      ) ?? (() => {});
    inspectable(this, "raceWatch", () => this.sight());
    this.events.once("shutdown", () => {
      offRematch();
      this.game.events.off(Phaser.Core.Events.HIDDEN, onHidden);
      this.scale.off("resize", onResize);
    });
    this.layout();
    this.draw();
  }

  override update(_time: number, delta: number) {
    if (this.phase === "playing") {
      const ticks = this.clock.advance(delta, this.controls.speed);
      for (let i = 0; i < ticks && this.phase === "playing"; i++) {
        this.prev = this.cur;
        this.prevField = this.curField;
        const events = this.replay.step();
        this.keep();
        for (const e of events) this.onRaceEvent(e);
      }
    }
    this.draw();
  }

  /** The watcher's view of the race: their Santa is the field's own (seatView). */
  private view() {
    return seatView(this.replay.round, this.fieldSeat);
  }

  /** Every seat's place and the field's movers after the tick just played. */
  private keep() {
    const round = this.replay.round;
    this.cur = this.players.map((_, i) => {
      const r = racer(round, i);
      return { x: r.x / SUBUNITS, y: r.y / SUBUNITS };
    });
    this.curField = positionsOf(this.view());
  }

  private onRaceEvent(e: RoundEvent) {
    const mine = "seat" in e && e.seat === this.watch.seat;
    if (e.type === "end") this.ended();
    else showRaceEvent(this, e, mine, { field: this.field, hud: this.hud, shake: false });
  }

  private ended() {
    this.phase = "over";
    playSfx(this, "end");
    const winners = this.standingsNow().filter((s) => s.place === 1);
    const names = winners.map((s) => s.name);
    const headline =
      winners.length > 1
        ? `A tie for 1st: ${names.join(", ")}`
        : winners[0]?.me
          ? "You won!"
          : `${names[0] ?? "Santa"} won`;
    this.hud.say(headline);
    this.layout();
    this.controls.ended();
    emitGameEvent(this, "status", { status: "watched" });
  }

  /** Pause/Play: returns true when the playback is now paused. */
  private toggle(): boolean {
    if (this.phase === "playing") this.phase = "paused";
    else if (this.phase === "paused") this.phase = "playing";
    const paused = this.phase === "paused";
    emitGameEvent(this, "status", { status: paused ? "paused" : "playing" });
    return paused;
  }

  private standingsNow() {
    return standingsOf(this.replay.scores(), racerNames(this.players), this.watch.seat);
  }

  private layout() {
    const { width, height } = this.scale;
    const { s, height: hudH } = raceHeader(width, height, pixelRatio(), false);
    const pad = 10;
    const controls = WatchControls.height(this);
    const field = worldField(this.replay.round);
    // The standings beside the field, never over it (race-layout.ts); the race's wide field
    // turned on a phone held upright, as the race did.
    const laid = raceLayout({
      width,
      height,
      area: {
        x: pad,
        y: hudH + pad,
        width: width - pad * 2,
        height: height - hudH - controls - pad * 2,
      },
      field,
      standings: this.standings.measure(this.standingsNow().map((st) => st.name)),
      gap: 12 * s,
    });
    this.field.fit(field, laid.field, laid.turned);
    this.controls.layout(width, height, s);
    this.hud.layout(width, height, hudH + pad, width - 12);
    // At the end the standings are the result: under the headline, where a long headline (a
    // tie's names) can't cover them.
    if (this.phase === "over")
      this.standings.layout(width / 2, this.hud.bannerBottom + 10 * s, true);
    else this.standings.layout(laid.standings.x, laid.standings.y);
  }

  private draw() {
    const t = this.phase === "playing" ? this.clock.alpha : 0;
    const view = this.view();
    const shown = (seat: number): Vec => {
      const a = this.prev[seat] ?? { x: 0, y: 0 };
      const b = this.cur[seat] ?? a;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    };
    const at = interpolate(this.prevField, this.curField, t);
    this.field.draw(view, { ...at, santa: shown(this.fieldSeat) });
    this.racers.draw(this.replay.round, shown);
    // A spectator (a shared link) has no Santa in the race: no score or power-up of theirs.
    this.hud.show(view, WORDS.title, this.watch.seat >= 0);
    this.standings.show(this.standingsNow());
  }

  /** What Watch shows, for the test build's probe. */
  private sight() {
    const round = this.replay.round;
    const rect = this.game.canvas.getBoundingClientRect();
    const k = rect.width / this.scale.width;
    const page = (box: { x: number; y: number; width: number; height: number }) => ({
      x: rect.left + box.x * k,
      y: rect.top + box.y * k,
      width: box.width * k,
      height: box.height * k,
    });
    const size = worldField(round);
    const a = this.field.toScreen({ x: 0, y: 0 });
    const b = this.field.toScreen({ x: size.width, y: size.height });
    const field = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(b.x - a.x),
      height: Math.abs(b.y - a.y),
    };
    return {
      phase: this.phase,
      seat: this.watch.seat,
      matchId: this.watch.race.match_id,
      tick: round.tick,
      ticks: round.ticks,
      speed: this.controls.speed,
      turned: this.field.turned,
      players: this.players,
      scores: this.replay.scores(),
      standings: this.standings.lines,
      hud: this.hud.texts,
      field: page(field),
      standingsBox: page(this.standings.box),
      /** Every seat's name tag, by seat. */
      tags: this.racers.tagBoxes.map(page),
    };
  }
}
